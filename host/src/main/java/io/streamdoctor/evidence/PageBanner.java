package io.streamdoctor.evidence;

/** The page showed one of its own error banners; only the adapter's ids travel. */
public record PageBanner(double ts, String site, Integer tabId, String symptom, String pattern)
    implements Evidence {
  @Override
  public PageBanner withTs(double t) {
    return new PageBanner(t, site, tabId, symptom, pattern);
  }
}

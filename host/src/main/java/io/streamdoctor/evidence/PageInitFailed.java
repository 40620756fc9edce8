package io.streamdoctor.evidence;

public record PageInitFailed(
    double ts, String site, Integer tabId, String reason, Integer failedScripts)
    implements Evidence {
  @Override
  public PageInitFailed withTs(double t) {
    return new PageInitFailed(t, site, tabId, reason, failedScripts);
  }
}

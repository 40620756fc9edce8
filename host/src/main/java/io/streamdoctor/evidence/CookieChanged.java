package io.streamdoctor.evidence;

/** A session cookie on a chat origin changed: its name and timing only, never its value. */
public record CookieChanged(double ts, String site, String name, boolean removed, String cause)
    implements Evidence {
  @Override
  public CookieChanged withTs(double t) {
    return new CookieChanged(t, site, name, removed, cause);
  }
}

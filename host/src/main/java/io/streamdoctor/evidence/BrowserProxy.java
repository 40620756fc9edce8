package io.streamdoctor.evidence;

/** The browser's proxy mode (no host names or credentials). */
public record BrowserProxy(double ts, String mode, String levelOfControl, String scheme)
    implements Evidence {
  @Override
  public BrowserProxy withTs(double t) {
    return new BrowserProxy(t, mode, levelOfControl, scheme);
  }

  public boolean usesProxy() {
    return "fixed_servers".equals(mode) || "pac_script".equals(mode);
  }
}

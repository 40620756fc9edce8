package io.streamdoctor.evidence;

public record ExtensionChanged(double ts, String id, String name, String change)
    implements Evidence {
  @Override
  public ExtensionChanged withTs(double t) {
    return new ExtensionChanged(t, id, name, change);
  }
}

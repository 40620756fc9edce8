package io.streamdoctor.evidence;

import java.util.List;

public record ExtensionInventory(double ts, List<Extension> extensions) implements Evidence {

  public record Extension(
      String id, String name, boolean enabled, boolean canBlock, boolean chatHostAccess) {}

  public ExtensionInventory {
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }

  @Override
  public ExtensionInventory withTs(double t) {
    return new ExtensionInventory(t, extensions);
  }
}

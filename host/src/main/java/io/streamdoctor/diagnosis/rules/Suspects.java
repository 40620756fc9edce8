package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.evidence.ExtensionInventory;
import java.util.ArrayList;
import java.util.List;

/** Names the installed extensions that could have interfered with a chat site. */
final class Suspects {
  private Suspects() {}

  /** Enabled extensions able to block at all, whatever their host permissions. */
  static List<String> anyBlocker(List<ExtensionInventory> inventories) {
    List<String> names = new ArrayList<>();
    if (!inventories.isEmpty()) {
      for (ExtensionInventory.Extension x : inventories.get(inventories.size() - 1).extensions()) {
        if (x.enabled() && x.canBlock() && x.name() != null) {
          names.add(x.name());
        }
      }
    }
    return names;
  }

  static List<String> blockers(List<ExtensionInventory> inventories) {
    List<String> names = new ArrayList<>();
    if (inventories.isEmpty()) {
      return names;
    }
    ExtensionInventory latest = inventories.get(inventories.size() - 1);
    for (ExtensionInventory.Extension x : latest.extensions()) {
      if (x.enabled() && x.canBlock() && x.chatHostAccess() && x.name() != null) {
        names.add(x.name());
      }
    }
    return names;
  }
}

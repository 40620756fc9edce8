package io.streamdoctor.installer;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory registry: key path (with hive) to default value; "" marks a key without one. */
final class FakeRegistry implements Registry {
  final Map<String, String> keys = new TreeMap<>();

  private static String k(Hive hive, String key) {
    return hive + "\\" + key;
  }

  @Override
  public boolean keyExists(Hive hive, String key) {
    return keys.containsKey(k(hive, key));
  }

  @Override
  public Optional<String> defaultValue(Hive hive, String key) {
    String v = keys.get(k(hive, key));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  @Override
  public void setDefaultValue(Hive hive, String key, String value) {
    // Like RegCreateKeyEx: missing parents are created too.
    for (RegistryKey p = new RegistryKey(hive, key).parent(); p != null; p = p.parent()) {
      keys.putIfAbsent(k(hive, p.path()), "");
    }
    keys.put(k(hive, key), value);
  }

  @Override
  public boolean deleteKey(Hive hive, String key) {
    String prefix = k(hive, key) + "\\";
    if (keys.keySet().stream().anyMatch(x -> x.startsWith(prefix))) {
      throw new IllegalStateException("RegDeleteKey fails on a key with subkeys: " + key);
    }
    return keys.remove(k(hive, key)) != null;
  }
}

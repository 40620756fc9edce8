package io.streamdoctor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code targets.json}: any field of {@link Targets} given there replaces the default;
 * {@code sites} entries replace the default site with the same id and add new ones.
 */
public final class TargetsFile {
  public static final String NAME = "targets.json";

  /** A file that exists but cannot be used: the message says which and why. */
  public static final class BadTargets extends Exception {
    public BadTargets(String message) {
      super(message);
    }
  }

  private TargetsFile() {}

  /** Defaults, overridden by {@code configDir/targets.json} when it exists. */
  public static Targets load(Path configDir) throws BadTargets {
    Path f = configDir.resolve(NAME);
    return Files.exists(f) ? load(f, Targets.defaults()) : Targets.defaults();
  }

  public static Targets load(Path file, Targets base) throws BadTargets {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new BadTargets("cannot read " + file + ": " + e.getMessage());
    }
    if (!(root instanceof ObjectNode obj)) {
      throw new BadTargets(file + " must hold a JSON object");
    }
    ObjectNode merged = Json.MAPPER.valueToTree(base);
    List<Site> sites = new ArrayList<>(base.sites());
    obj.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("sites")) {
        merged.set(e.getKey(), e.getValue());
      }
    });
    try {
      Targets t = Json.MAPPER.treeToValue(merged, Targets.class);
      if (obj.has("sites")) {
        Map<String, Site> byId = new LinkedHashMap<>();
        sites.forEach(s -> byId.put(s.id(), s));
        for (JsonNode n : obj.get("sites")) {
          Site s = Json.MAPPER.treeToValue(n, Site.class);
          if (s.id() == null || s.hosts().isEmpty()) {
            throw new BadTargets(file + ": every site needs an id and hosts");
          }
          byId.put(s.id(), s);
        }
        t = t.withSites(new ArrayList<>(byId.values()));
      }
      for (String r : concat(t.systemResolvers(), t.publicResolvers())) {
        Endpoint.parse(r, 53);
      }
      return t;
    } catch (IOException e) {
      throw new BadTargets(file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadTargets(file + ": " + e.getMessage());
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}

package io.streamdoctor.lab.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import java.util.Iterator;
import java.util.Set;

/**
 * The proxy's faults, in the spirit of Toxiproxy's toxics. Immutable: a change swaps the whole
 * value and every live connection picks it up on its next chunk.
 *
 * @param latencyMs added to every chunk, both directions
 * @param jitterMs latency varies uniformly by ± this much (order is kept)
 * @param bandwidthBps downstream (upstream → client) bytes per second; 0 = unlimited
 * @param resetAfterBytes RST both sides once this many downstream bytes went through; -1 = off
 * @param resetAfterMs RST connections older than this; -1 = off
 * @param blackhole drop every byte both ways and keep the sockets open
 */
public record Toxics(long latencyMs, long jitterMs, long bandwidthBps, long resetAfterBytes,
    long resetAfterMs, boolean blackhole) {
  public static final Toxics NONE = new Toxics(0, 0, 0, -1, -1, false);
  private static final Set<String> FIELDS = Set.of("latencyMs", "jitterMs", "bandwidthBps",
      "resetAfterBytes", "resetAfterMs", "blackhole");

  public Toxics {
    check("latencyMs", latencyMs, 0, 600_000);
    check("jitterMs", jitterMs, 0, 600_000);
    check("bandwidthBps", bandwidthBps, 0, 1L << 40);
    check("resetAfterBytes", resetAfterBytes, -1, 1L << 40);
    check("resetAfterMs", resetAfterMs, -1, 86_400_000);
  }

  /** This value with the fields present in {@code patch} replaced; unknown fields are an error. */
  public Toxics merge(JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw new IllegalArgumentException("toxics must be a JSON object");
    }
    for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("unknown toxic '" + f + "' (known: " + FIELDS + ")");
      }
    }
    return new Toxics(num(patch, "latencyMs", latencyMs), num(patch, "jitterMs", jitterMs),
        num(patch, "bandwidthBps", bandwidthBps), num(patch, "resetAfterBytes", resetAfterBytes),
        num(patch, "resetAfterMs", resetAfterMs),
        patch.has("blackhole") ? bool(patch.get("blackhole")) : blackhole);
  }

  public ObjectNode json() {
    return Json.MAPPER.valueToTree(this);
  }

  private static long num(JsonNode patch, String f, long dflt) {
    JsonNode n = patch.get(f);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new IllegalArgumentException(f + " must be an integer");
    }
    return n.asLong();
  }

  private static boolean bool(JsonNode n) {
    if (!n.isBoolean()) {
      throw new IllegalArgumentException("blackhole must be true or false");
    }
    return n.asBoolean();
  }

  private static void check(String f, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(f + "=" + v + " is outside " + min + ".." + max);
    }
  }
}

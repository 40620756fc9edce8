package io.streamdoctor.it;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Seeded generator of valid, mutated and random message bodies for fuzz tests. */
public final class Mutator {
  /** The seeds' "ts" start with this: now, since the host refuses timestamps a day away (error 109). */
  private static final String NOW_PREFIX = String.valueOf(System.currentTimeMillis()).substring(0, 8);
  static final List<String> SEEDS = Stream.of(
      "{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":1764120000000,\"stream\":\"1:1\",\"site\":\"chatgpt\",\"url\":\"https://chatgpt.com/backend-api/conversation\",\"kind\":\"sse\",\"tabId\":1,\"payloadBytes\":512}",
      "{\"v\":1,\"type\":\"stream.progress\",\"seq\":2,\"ts\":1764120001000,\"stream\":\"1:1\",\"frames\":10,\"bytes\":900,\"gapMeanMs\":20,\"gapP95Ms\":50,\"gapMaxMs\":80}",
      "{\"v\":1,\"type\":\"stream.end\",\"seq\":3,\"ts\":1764120002000,\"stream\":\"1:1\",\"outcome\":\"error\",\"frames\":11,\"bytes\":950,\"closeCode\":1006,\"wasClean\":false}",
      "{\"v\":1,\"type\":\"browser.request_error\",\"seq\":4,\"ts\":1764120002001,\"tabId\":1,\"url\":\"https://chatgpt.com/backend-api/conversation\",\"error\":\"net::ERR_CONNECTION_RESET\",\"resourceType\":\"xmlhttprequest\"}",
      "{\"v\":1,\"type\":\"browser.extensions\",\"seq\":5,\"ts\":1764120000000,\"extensions\":[{\"id\":\"x\",\"name\":\"Blocker ✓\",\"enabled\":true,\"canBlock\":true,\"chatHostAccess\":true}]}",
      "{\"v\":1,\"type\":\"diagnose\",\"id\":\"r1\"}",
      "{\"v\":1,\"type\":\"ping\",\"id\":\"p\"}").map(j -> j.replace("17641200", NOW_PREFIX)).toList();

  private final Random random;

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  public byte[] next() {
    return switch (random.nextInt(4)) {
      case 0 -> SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
      case 1, 2 -> mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8));
      default -> randomBytes();
    };
  }

  private byte[] mutate(byte[] b) {
    byte[] out = b.clone();
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(4)) {
        case 0 -> out[at] = (byte) random.nextInt(256);
        case 1 -> out[at] = (byte) "{}[]\":,0-9.enultrsf\\".charAt(random.nextInt(20));
        case 2 -> out = java.util.Arrays.copyOf(out, Math.max(1, at));
        default -> {
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = (byte) (0x80 + random.nextInt(0x80));
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
      }
    }
    return out;
  }

  private byte[] randomBytes() {
    byte[] b = new byte[1 + random.nextInt(200)];
    random.nextBytes(b);
    return b;
  }
}

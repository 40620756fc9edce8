package io.streamdoctor.installer;

import io.streamdoctor.config.TargetsFile;
import io.streamdoctor.platform.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the install-time training run (ArchiveTrainer) sends the host: a short session as the
 * extension's worker produces it (docs/protocol.md), so the class-data archive holds
 * the classes of the whole way to the first replies, not only of the hello. A run that only said
 * client.hello and ping left the parsing of each event type, the timeline, the break detector and
 * the config file's reading to be loaded from the jar at every start (~30 ms of the first pong,
 * bench/startup.sh's ready line; docs/benchmarks.md).
 *
 * <p>Every stream ends complete, so no break is found and no post-mortem probe runs: the
 * training run sends nothing off the machine whatever the user's targets are.
 *
 * <p>Not trained: the popup's requests (history opens SQLite, diagnose). They are not on the way to
 * the first replies, and each trained path adds archive pages to the resident set of every host:
 * measured after 1M events, this session +2.0 MiB of RSS, with history and diagnose +2.9 MiB,
 * against the 64 MiB target (docs/benchmarks.md).
 */
final class TrainingSession {
  private TrainingSession() {}

  /**
   * Prepares the training run's home (its STREAMDOCTOR_HOME): an empty targets.json, which
   * changes no target but has the host read a config file as a user's configured host does, so
   * the archive holds that path's Jackson classes too (~15 ms of the first reply otherwise).
   */
  static void prepareHome(Path home) throws IOException {
    Path config = AppDirs.of("", Map.of("STREAMDOCTOR_HOME", home.toString()), home.toString()).config();
    Files.createDirectories(config);
    Files.writeString(config.resolve(TargetsFile.NAME), "{}\n");
  }

  /** The frames' JSON, in order; {@code now} is the browser clock's time of the first event. */
  static List<String> frames(long now) {
    String chat = "\"url\":\"https://chatgpt.com/backend-api/conversation\"";
    return List.of(
        "{\"v\":1,\"type\":\"client.hello\",\"id\":\"t1\",\"extensionVersion\":\"install\",\"browser\":\"chrome\"}",
        ev(1, now, "\"type\":\"browser.proxy\",\"mode\":\"system\",\"levelOfControl\":\"controllable_by_this_extension\""),
        ev(2, now, "\"type\":\"browser.extensions\",\"extensions\":[{\"id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
            + "\"name\":\"Training\",\"enabled\":true,\"canBlock\":false,\"chatHostAccess\":false}]"),
        ev(3, now, "\"type\":\"browser.connectivity\",\"online\":true,\"effectiveType\":\"4g\",\"rttMs\":50,\"downlinkMbps\":10"),
        ev(4, now + 10, "\"type\":\"stream.open\",\"stream\":\"1:1\",\"site\":\"chatgpt\"," + chat
            + ",\"kind\":\"sse\",\"tabId\":1,\"payloadBytes\":2048"),
        ev(5, now + 300, "\"type\":\"stream.first_byte\",\"stream\":\"1:1\",\"ttfbMs\":290,\"httpStatus\":200"),
        ev(6, now + 310, "\"type\":\"browser.http_status\",\"tabId\":1," + chat
            + ",\"status\":200,\"resourceType\":\"xmlhttprequest\""),
        ev(7, now + 600, "\"type\":\"stream.first_token\",\"stream\":\"1:1\",\"ttftMs\":590"),
        ev(8, now + 1600, "\"type\":\"stream.progress\",\"stream\":\"1:1\",\"frames\":60,\"bytes\":5400,"
            + "\"gapMeanMs\":16.5,\"gapP95Ms\":40,\"gapMaxMs\":95"),
        ev(9, now + 2000, "\"type\":\"stream.end\",\"stream\":\"1:1\",\"outcome\":\"complete\",\"frames\":80,"
            + "\"bytes\":7200,\"durationMs\":1990,\"terminalSeen\":true,\"gapMeanMs\":16.5,\"gapP95Ms\":40,"
            + "\"gapMaxMs\":95,\"lastFrameAgoMs\":3"),
        ev(10, now + 2100, "\"type\":\"stream.open\",\"stream\":\"1:2\",\"site\":\"chatgpt\","
            + "\"url\":\"wss://chatgpt.com/ws\",\"kind\":\"ws\",\"tabId\":1,\"payloadBytes\":300"),
        ev(11, now + 2200, "\"type\":\"stream.first_byte\",\"stream\":\"1:2\",\"ttfbMs\":100"),
        ev(12, now + 3000, "\"type\":\"stream.end\",\"stream\":\"1:2\",\"outcome\":\"complete\",\"frames\":40,"
            + "\"bytes\":3000,\"durationMs\":900,\"terminalSeen\":true,\"closeCode\":1000,\"wasClean\":true"),
        "{\"v\":1,\"type\":\"ping\",\"id\":\"t2\"}");
  }

  private static String ev(int seq, long ts, String body) {
    return "{\"v\":1,\"seq\":" + seq + ",\"ts\":" + ts + "," + body + "}";
  }
}

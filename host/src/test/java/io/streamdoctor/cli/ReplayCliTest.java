package io.streamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** `replay` over several recordings: each replayed alone, one JSON object per file. */
@Timeout(30)
class ReplayCliTest {
  private final CliRun cli = new CliRun();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private static String trace(String name) throws URISyntaxException {
    Path p = Paths.get(ReplayCliTest.class.getResource("/traces/" + name + ".jsonl").toURI());
    return p.toString();
  }

  @Test
  void replay_severalFiles_oneJsonLinePerFileInOrder() throws Exception {
    String overloaded = trace("server.overloaded/clear_http429");
    String clean = trace("combined/clean_stream_no_break");
    String blocked = trace("network.blocked/clear_refused");
    assertEquals(0, run("replay", "--json", overloaded, clean, blocked), err.toString());
    String[] lines = out.toString().strip().split("\n");
    assertEquals(3, lines.length, out.toString());
    JsonNode a = Json.MAPPER.readTree(lines[0]);
    JsonNode b = Json.MAPPER.readTree(lines[1]);
    JsonNode c = Json.MAPPER.readTree(lines[2]);
    assertEquals(overloaded, a.get("file").asText());
    assertEquals("server.overloaded", a.at("/breaks/0/findings/0/cause").asText());
    assertEquals(0, b.get("breaks").size(), "the clean stream's recording has no break");
    assertEquals("network.blocked", c.at("/breaks/0/findings/0/cause").asText());
  }

  @Test
  void replay_severalFiles_sameVerdictsAsOneAtATime() throws Exception {
    String first = trace("network.changed/clear_err_network_changed");
    String second = trace("session.conflict/clear_http401");
    assertEquals(0, run("replay", "--json", first, second), err.toString());
    String[] lines = out.toString().strip().split("\n");
    out.getBuffer().setLength(0);
    assertEquals(0, run("replay", "--json", second), err.toString());
    JsonNode alone = Json.MAPPER.readTree(out.toString()).get("breaks");
    assertEquals(alone, Json.MAPPER.readTree(lines[1]).get("breaks"), "no state leaks between files");
  }

  @Test
  void replay_oneUnreadableAmongSeveral_failsBeforeReplayingAny() throws Exception {
    int code = run("replay", "--json", trace("combined/clean_stream_no_break"), "/nonexistent.jsonl");
    assertTrue(code != 0);
    assertEquals("", out.toString());
    assertTrue(err.toString().contains("/nonexistent.jsonl"), err.toString());
  }
}

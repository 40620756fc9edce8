package io.streamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every CLI error is one line that says what was wrong and what to do, with no library text. */
@Timeout(30)
class CliMessagesTest {
  private static final Pattern INTERNALS =
      Pattern.compile("Exception|\\bjava\\.|com\\.fasterxml|Source:|SQLITE_|Input length|\\n\\s+at ");

  @TempDir Path dir;
  private final CliRun cli = new CliRun();
  private final java.io.StringWriter out = cli.out;
  private final java.io.StringWriter err = cli.err;

  private int run(String... args) {
    return cli.run(args);
  }

  private String oneLine() {
    String e = err.toString().strip();
    assertFalse(INTERNALS.matcher(e).find(), "library text or a stack trace: " + e);
    return e;
  }

  @Test
  void replay_binaryFile_saysItIsNotARecording() throws Exception {
    Path bin = dir.resolve("x.jsonl");
    Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3});
    assertEquals(1, run("replay", bin.toString()));
    String e = oneLine();
    assertTrue(e.contains("is not a recording") && e.contains("host --record"), e);
  }

  @Test
  void replay_folder_saysItIsAFolder() {
    assertEquals(1, run("replay", dir.toString()));
    assertTrue(oneLine().contains("is a folder, not a file"), err.toString());
  }

  @Test
  void replay_missingFile_saysWhy() {
    assertEquals(1, run("replay", dir.resolve("nope.jsonl").toString()));
    assertTrue(oneLine().contains("there is no such file"), err.toString());
  }

  @Test
  void replay_badField_namesLineAndFieldOnly() throws Exception {
    Path f = dir.resolve("r.jsonl");
    Files.writeString(f, "{\"at\":1,\"in\":{\"v\":1,\"type\":\"stream.open\",\"seq\":1,\"ts\":1,\"stream\":5}}\n",
        StandardCharsets.UTF_8);
    assertEquals(1, run("replay", f.toString()));
    assertTrue(oneLine().contains("line 1"), err.toString());
  }

  @Test
  void typo_suggestsTheNearCommand() {
    for (List<String> c : List.of(List.of("repaly", "replay"), List.of("histroy", "history"), List.of("docter", "doctor"))) {
      err.getBuffer().setLength(0);
      assertEquals(2, run(c.get(0), "x"));
      String e = oneLine();
      assertTrue(e.contains("Did you mean '" + c.get(1) + "'?"), e);
      assertFalse(e.contains("'report'") || e.contains("'install'"), e);
    }
  }

  @Test
  void history_damagedDatabase_saysHowToRecover() throws Exception {
    Path db = dir.resolve("history.db");
    Files.writeString(db, "not a database at all, just text that is long enough to be read as a header...");
    assertEquals(1, run("history", "--db", db.toString()));
    String e = oneLine();
    assertTrue(e.contains("damaged") && e.contains("mv '" + db + "'"), e);
  }

  @Test
  void plain_stripsLibraryInternals() {
    assertEquals("Unexpected character at line 1",
        Problems.plain("com.fasterxml.jackson.core.JsonParseException: Unexpected character at line 1 Source: REDACTED (`StreamReadFeature`)"));
  }
}

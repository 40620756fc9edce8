package io.streamdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.history.BreakSummaries;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryService;
import io.streamdoctor.nativemsg.ErrorCode;
import io.streamdoctor.nativemsg.ProtocolException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class HistoryCommandsTest {
  @TempDir Path dir;
  private HistoryService history;
  private SampleBreak sample;
  private static final ZoneId UTC = ZoneId.of("UTC");

  @BeforeEach
  void setUp() throws Exception {
    history = new HistoryService(dir.resolve("history.db"), HistoryConfig.DEFAULT, () -> SampleBreak.T);
    sample = new SampleBreak();
    history.saveAsync(sample.diagnosis, BreakSummaries.from(sample.diagnosis, sample.evidence, null));
  }

  @AfterEach
  void tearDown() {
    history.close();
  }

  private static ObjectNode req(String json) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(json);
  }

  @Test
  void history_defaultLimit_listsTheSavedBreak() throws Exception {
    ObjectNode out = HistoryCommands.history(history, req("{\"type\":\"history\",\"id\":\"r\"}"), SampleBreak.T, UTC);
    assertEquals(1, out.get("breaks").size());
    assertEquals(sample.diagnosis.breakId(), out.at("/breaks/0/breakId").asText());
    assertEquals(sample.diagnosis.topCause(), out.at("/breaks/0/cause").asText());
    assertTrue(out.get("patterns").isArray());
  }

  @Test
  void history_badLimit_isInvalidField() {
    for (String bad : new String[] {"0", "\"ten\"", "2.5", "-3"}) {
      ProtocolException e = assertThrows(ProtocolException.class, () -> HistoryCommands.history(
          history, req("{\"limit\":" + bad + "}"), SampleBreak.T, UTC));
      assertEquals(ErrorCode.INVALID_FIELD, e.code(), bad);
    }
  }

  @Test
  void report_lastAsMarkdown_containsVerdict() throws Exception {
    ObjectNode out = HistoryCommands.report(history, req("{\"last\":true,\"format\":\"md\"}"), SampleBreak.T, UTC);
    assertEquals("md", out.get("format").asText());
    assertTrue(out.get("content").asText().contains("`" + sample.diagnosis.topCause() + "`"));
  }

  @Test
  void report_byIdAsJson_isTheBreak() throws Exception {
    ObjectNode out = HistoryCommands.report(history,
        req("{\"breakId\":\"" + sample.diagnosis.breakId() + "\",\"format\":\"json\"}"), SampleBreak.T, UTC);
    assertEquals(sample.diagnosis.breakId(),
        Json.MAPPER.readTree(out.get("content").asText()).at("/break/breakId").asText());
  }

  @Test
  void report_unknownIdOrMissingTargetOrHtml_isInvalidField() {
    for (String bad : new String[] {"{\"breakId\":\"nope\"}", "{\"format\":\"md\"}",
        "{\"last\":true,\"format\":\"html\"}"}) {
      ProtocolException e = assertThrows(ProtocolException.class,
          () -> HistoryCommands.report(history, req(bad), SampleBreak.T, UTC));
      assertEquals(ErrorCode.INVALID_FIELD, e.code(), bad);
    }
  }
}

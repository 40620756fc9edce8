package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  static FaultSpec parse(String query) {
    return FaultSpec.parse(Query.parse("/lab/sse/x?" + query).params());
  }

  @Test
  void parse_noFault_isCleanWithDefaults() {
    FaultSpec s = FaultSpec.parse(Map.of());
    assertEquals(FaultKind.CLEAN, s.kind());
    assertEquals(FaultSpec.DEFAULT_FRAMES, s.frames());
    assertEquals(FaultSpec.DEFAULT_AT, s.atFrame());
    assertEquals(-1, s.afterBytes());
    assertEquals(25, s.gapMs());
    assertEquals(0, s.ttftMs());
    assertNull(s.then());
  }

  @Test
  void parse_http429_carriesStatusAndRetryAfter() {
    FaultSpec s = parse("fault=http429&retry_after=9");
    assertEquals(FaultKind.HTTP, s.kind());
    assertEquals(429, s.status());
    assertEquals(9, s.retryAfterS());
    assertEquals("http429", s.name());
  }

  @Test
  void parse_ws1013_isACloseCode() {
    FaultSpec s = parse("fault=ws1013");
    assertEquals(FaultKind.WS_CLOSE, s.kind());
    assertEquals(1013, s.wsCode());
    assertEquals("ws1013", s.name());
  }

  @Test
  void parse_ws1006_isRefusedBecauseNoServerMaySendIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("fault=ws1006"));
    assertTrue(e.getMessage().contains("ws_drop"), e.getMessage());
  }

  @Test
  void parse_httpStatusBelow400_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("fault=http200"));
  }

  @Test
  void parse_unknownFault_namesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("fault=boom"));
    assertTrue(e.getMessage().contains("unknown fault 'boom'"));
    assertTrue(e.getMessage().contains("slow_ttft"));
  }

  @Test
  void parse_cutWithoutAfter_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("fault=cut"));
    assertEquals(100, parse("fault=cut&after=100").afterBytes());
  }

  @Test
  void parse_drip_hasSlowDefaults() {
    FaultSpec s = parse("fault=drip");
    assertEquals(1000, s.gapMs());
    assertEquals(20, s.frames());
  }

  @Test
  void parse_slowTtftThen504_nestsAnHttpFault() {
    FaultSpec s = parse("fault=slow_ttft&ttft_ms=60000&then=504");
    assertEquals(60_000, s.ttftMs());
    assertEquals(FaultKind.HTTP, s.then().kind());
    assertEquals(504, s.then().status());
    assertEquals(0, s.then().ttftMs());
  }

  @Test
  void parse_thenWithoutSlowTtft_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("fault=rst&then=504"));
  }

  @Test
  void parse_numbersOutOfRangeOrNotNumbers_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("frames=0"));
    assertThrows(IllegalArgumentException.class, () -> parse("gap_ms=-1"));
    assertThrows(IllegalArgumentException.class, () -> parse("at=99&frames=10"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("after=ten"));
    assertTrue(e.getMessage().contains("after=ten"));
  }

  @Test
  void checkFor_wsFaultOnSse_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("fault=ws1011").checkFor(Proto.SSE));
    assertThrows(IllegalArgumentException.class, () -> parse("fault=ws_drop").checkFor(Proto.CLAUDE));
    assertEquals(1011, parse("fault=ws1011").checkFor(Proto.WS).wsCode());
  }

  @Test
  void atDefault_isCappedByFrames() {
    assertEquals(3, parse("fault=fin&frames=3").atFrame());
  }
}

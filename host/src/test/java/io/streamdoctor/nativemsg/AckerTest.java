package io.streamdoctor.nativemsg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class AckerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Acker acker = new Acker(new FrameWriter(out), () -> {});

  private List<Long> acks() throws Exception {
    List<Long> upTo = new ArrayList<>();
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    byte[] body;
    while ((body = Frames.read(in)) != null) {
      JsonNode n = Json.MAPPER.readTree(body);
      upTo.add(n.get("upTo").asLong());
    }
    return upTo;
  }

  @Test
  void flush_noHold_acksHighest() throws Exception {
    acker.stored(1);
    acker.stored(2);
    acker.flush();
    assertEquals(List.of(2L), acks());
  }

  @Test
  void flush_heldBreakEvent_acksOnlyUpToTheEventBeforeIt() throws Exception {
    acker.stored(1);
    acker.hold("b1", 2);
    acker.stored(2);
    acker.stored(3);
    acker.flush();
    assertEquals(List.of(1L), acks());
  }

  @Test
  void release_afterHold_acksEverythingStored() throws Exception {
    acker.hold("b1", 1);
    acker.stored(1);
    acker.stored(2);
    acker.flush();
    acker.release("b1");
    assertEquals(List.of(2L), acks());
  }

  @Test
  void release_sameBreakHeldTwice_keepsTheSecondHold() throws Exception {
    acker.hold("b1", 1);
    acker.stored(1);
    acker.hold("b1", 3);
    acker.stored(2);
    acker.stored(3);
    acker.release("b1");
    assertEquals(List.of(2L), acks());
    acker.release("b1");
    assertEquals(List.of(2L, 3L), acks());
  }

  @Test
  void release_unknownBreak_changesNothing() throws Exception {
    acker.hold("b1", 1);
    acker.stored(1);
    acker.release("other");
    acker.flush();
    assertEquals(List.of(), acks());
  }

  @Test
  void hold_eventWithoutSeq_isIgnored() throws Exception {
    acker.hold("b1", -1);
    acker.stored(5);
    acker.flush();
    assertEquals(List.of(5L), acks());
  }

  @Test
  void flush_noVerdictSavedForMaxHold_oldestHoldLapses() throws Exception {
    AtomicLong now = new AtomicLong();
    Acker quick = new Acker(new FrameWriter(out), () -> {}, 50, now::get);
    quick.hold("b1", 1);
    quick.stored(1);
    quick.flush();
    assertEquals(List.of(), acks());
    now.addAndGet(ms(120));
    quick.flush();
    assertEquals(List.of(1L), acks());
  }

  @Test
  void flush_otherVerdictsStillBeingSaved_holdWaitsBeyondMaxHold() throws Exception {
    AtomicLong now = new AtomicLong();
    Acker quick = new Acker(new FrameWriter(out), () -> {}, 300, now::get);
    quick.hold("b1", 1);
    quick.stored(1);
    quick.hold("b2", 2);
    quick.stored(2);
    now.addAndGet(ms(200));
    quick.release("b2"); // progress: a slow backlog of saves, not a stuck verdict
    now.addAndGet(ms(200)); // 400 ms since b1's hold, 200 since the last save
    quick.flush();
    assertEquals(List.of(), acks());
    now.addAndGet(ms(250));
    quick.flush();
    assertEquals(List.of(2L), acks(), "b1 lapsed after 300 ms without any save");
  }

  private static long ms(long millis) {
    return millis * 1_000_000;
  }
}

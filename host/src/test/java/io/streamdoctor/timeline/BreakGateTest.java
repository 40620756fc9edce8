package io.streamdoctor.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.nativemsg.MessageDecoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** A scripted tab's surplus breaks never run ahead of, or in the way of, another tab's break. */
class BreakGateTest {
  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final List<Diagnosis> verdicts = new ArrayList<>();
  private final Pipeline pipeline = new Pipeline(Timeline.standard(), Engine.standard(), scheduler, verdicts::add);
  private final ArrayDeque<Runnable> bulk = new ArrayDeque<>();
  private final List<String> shed = new ArrayList<>();

  private void brk(String stream, double at) throws Exception {
    int tab = Integer.parseInt(stream.split(":")[0]);
    for (String json : List.of(
        "{\"type\":\"stream.open\",\"ts\":" + at + ",\"stream\":\"" + stream + "\",\"site\":\"chatgpt\",\"url\":\"https://chatgpt.com/x\",\"kind\":\"sse\",\"tabId\":" + tab + "}",
        "{\"type\":\"stream.end\",\"ts\":" + (at + 1) + ",\"stream\":\"" + stream + "\",\"outcome\":\"error\",\"frames\":0,\"bytes\":0,\"errorName\":\"TypeError\"}")) {
      pipeline.ingest(at, MessageDecoder.event((ObjectNode) Json.MAPPER.readTree(json)));
    }
  }

  @Test
  void scriptedTab_surplusToBulkThenShed_otherTabDiagnosedOnTime() throws Exception {
    pipeline.ration(new BreakGate(), task -> {
      if (bulk.size() >= 4) {
        throw new RejectedExecutionException("full");
      }
      bulk.add(task);
    }, shed::add);
    for (int i = 0; i < 100; i++) {
      brk("66:" + i, 1000 + i);
    }
    brk("3:1", 1100);
    scheduler.advanceTo(1100 + Pipeline.SETTLE_MS);
    List<String> streams = verdicts.stream().map(Diagnosis::stream).toList();
    assertEquals(BreakGate.BURST + 1, streams.size(), "the tab's burst and the other tab's break: " + streams);
    assertTrue(streams.contains("3:1"));
    assertEquals(4, bulk.size(), "the bulk lane holds what it has room for");
    assertEquals(100 - BreakGate.BURST - 4, shed.size(), "the rest is shed, each id reported once");
    bulk.forEach(Runnable::run);
    assertEquals(BreakGate.BURST + 1 + 4, verdicts.size(), "bulk breaks get their verdict later");
  }

  @Test
  void withoutRation_everyBreakDiagnosedInOrder() throws Exception {
    for (int i = 0; i < 30; i++) {
      brk("66:" + i, 1000 + i);
    }
    scheduler.drain();
    assertEquals(30, verdicts.size());
  }
}

package io.streamdoctor.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.BreakTrigger;
import io.streamdoctor.diagnosis.TriggerKind;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.nativemsg.MessageDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic broken SSE stream built from protocol messages, with canary strings planted where
 * no field exists (prompt, answer, banner text), in URL queries and in a code field holding text.
 * None may ever reach history or a report.
 */
public final class SampleBreak {
  public static final String CANARY = "CANARY7f3a";
  public static final long T = 1_764_120_000_000L;
  public static final String STREAM = "12:3";

  public final List<Evidence> evidence = new ArrayList<>();
  public final Diagnosis diagnosis;

  public SampleBreak() throws Exception {
    this(T);
  }

  /** The same break with its stream opened at {@code T} (epoch ms). */
  public SampleBreak(long start) throws Exception {
    add("{\"type\":\"browser.connectivity\",\"ts\":%d,\"online\":true,\"effectiveType\":\"4g\"}", start - 90_000);
    add("{\"type\":\"browser.extensions\",\"ts\":%d,\"extensions\":[{\"id\":\"cjpalhdlnbpafiamejdnhcphjbkeiagm\","
        + "\"name\":\"uBlock Origin\",\"enabled\":true,\"canBlock\":true,\"chatHostAccess\":true},"
        + "{\"id\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\"name\":\"Dark Reader\",\"enabled\":false}]}", start - 80_000);
    add("{\"type\":\"stream.open\",\"ts\":%d,\"stream\":\"12:3\",\"site\":\"chatgpt\",\"url\":"
        + "\"https://chatgpt.com/backend-api/conversation?prompt=" + CANARY + "\",\"kind\":\"sse\","
        + "\"tabId\":12,\"payloadBytes\":5120,\"prompt\":\"" + CANARY + " tell me a secret\"}", start);
    add("{\"type\":\"stream.first_byte\",\"ts\":%d,\"stream\":\"12:3\",\"ttfbMs\":420,\"httpStatus\":200}", start + 420);
    add("{\"type\":\"stream.first_token\",\"ts\":%d,\"stream\":\"12:3\",\"ttftMs\":900,\"token\":\"" + CANARY + "\"}", start + 900);
    for (int i = 1; i <= 30; i++) {
      add("{\"type\":\"stream.progress\",\"ts\":%d,\"stream\":\"12:3\",\"frames\":" + (i * 8)
          + ",\"bytes\":" + (i * 1200) + ",\"gapMeanMs\":120,\"gapP95Ms\":310,\"gapMaxMs\":900,"
          + "\"answer\":\"" + CANARY + "\"}", start + i * 1000L);
    }
    add("{\"type\":\"browser.request_error\",\"ts\":%d,\"tabId\":12,\"url\":\"https://analytics.example/"
        + "collect?uid=" + CANARY + "\",\"error\":\"net::ERR_BLOCKED_BY_CLIENT\",\"resourceType\":\"ping\"}", start + 12_000);
    add("{\"type\":\"stream.stall\",\"ts\":%d,\"stream\":\"12:3\",\"silentMs\":20000,\"thresholdMs\":15000}", start + 50_000);
    add("{\"type\":\"stream.end\",\"ts\":%d,\"stream\":\"12:3\",\"outcome\":\"error\",\"frames\":240,"
        + "\"bytes\":36000,\"durationMs\":60100,\"terminalSeen\":false,\"errorName\":\"TypeError\","
        + "\"httpStatus\":200,\"gapMeanMs\":120,\"gapP95Ms\":310,\"gapMaxMs\":30100,\"lastFrameAgoMs\":30100,"
        + "\"text\":\"" + CANARY + " partial answer\"}", start + 60_100);
    add("{\"type\":\"browser.request_error\",\"ts\":%d,\"tabId\":12,\"url\":\"https://chatgpt.com/"
        + "backend-api/conversation\",\"error\":\"net::ERR_INCOMPLETE_CHUNKED_ENCODING\","
        + "\"resourceType\":\"xmlhttprequest\",\"stream\":\"12:3\",\"method\":\"POST\"}", start + 60_102);
    add("{\"type\":\"page.banner\",\"ts\":%d,\"site\":\"chatgpt\",\"tabId\":12,\"symptom\":"
        + "\"message_stream_error\",\"pattern\":\"error_in_message_stream\",\"bannerText\":\"" + CANARY + "\"}", start + 60_180);
    BreakTrigger trigger = new BreakTrigger("b-" + (start + 60_100) + "-12:3", STREAM, TriggerKind.END, start + 60_100, "chatgpt", 12);
    diagnosis = Engine.standard().diagnose(new BreakContext(trigger, evidence), "evidence");
  }

  private void add(String json, long ts) throws Exception {
    ObjectNode msg = (ObjectNode) Json.MAPPER.readTree(String.format(json, ts));
    msg.put("v", 1);
    evidence.add(MessageDecoder.event(msg));
  }
}

package io.streamdoctor.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.nativemsg.MessageDecoder;
import io.streamdoctor.nativemsg.ProtocolException;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.Pipeline;
import io.streamdoctor.timeline.Timeline;
import io.streamdoctor.timeline.VirtualScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays a recording through the same pipeline the live host runs, on a virtual clock driven by
 * the recorded arrival times: no network, no wall clock, so the verdicts are deterministic.
 */
public final class Replayer {
  private final Engine engine;

  public Replayer(Engine engine) {
    this.engine = engine;
  }

  /** Thrown for a recording that cannot be read, with the line at fault. */
  public static final class BadRecording extends Exception {
    public BadRecording(String message) {
      super(message);
    }
  }

  public List<Diagnosis> replay(Path file) throws IOException, BadRecording {
    VirtualScheduler scheduler = new VirtualScheduler();
    Pipeline pipeline = new Pipeline(Timeline.standard(), engine, scheduler, d -> {});
    ClockMapper clock = new ClockMapper();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
          throw new BadRecording(file + " line " + n + ": not JSON");
        }
        if (node.has("recording")) {
          continue;
        }
        JsonNode at = node.get("at");
        if (at == null || !at.isNumber()) {
          throw new BadRecording(file + " line " + n + ": no numeric 'at'");
        }
        double t = at.asDouble();
        scheduler.advanceTo(t);
        try {
          if (node.get("in") instanceof ObjectNode msg) {
            Evidence ev = MessageDecoder.event(msg);
            pipeline.ingest(t, ev.withTs(clock.toHost(ev.ts(), t)));
          } else if (node.hasNonNull("probed")) {
            pipeline.rediagnose(node.get("probed").asText(), t, "probed");
          } else if (node.has("ev")) {
            pipeline.ingest(t, Json.MAPPER.treeToValue(node.get("ev"), Evidence.class));
          } else {
            throw new BadRecording(file + " line " + n + ": none of 'in', 'ev', 'probed'");
          }
        } catch (ProtocolException | IllegalArgumentException | IOException e) {
          throw new BadRecording(file + " line " + n + ": " + e.getMessage());
        }
      }
    }
    scheduler.drain();
    return pipeline.verdicts();
  }
}

package io.streamdoctor.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.Version;
import io.streamdoctor.evidence.Evidence;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Line format: {"at":<host ms>,"in":{message}}, {"at":<host ms>,"ev":{evidence}} or
 * {"at":<host ms>,"probed":"<break id>"} (the probe-backed verdict ran then).
 */
public final class JsonlRecorder implements Recorder {
  private static final Logger LOG = Logger.getLogger(JsonlRecorder.class.getName());

  private final BufferedWriter out;
  private boolean failed;

  public JsonlRecorder(Path file, double startedAt) throws IOException {
    io.streamdoctor.platform.PrivateDirs.create(file.toAbsolutePath().getParent());
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    ObjectNode header = Json.MAPPER.createObjectNode();
    header.put("recording", 1).put("host", Version.get()).put("at", startedAt);
    line(header);
  }

  @Override
  public synchronized void message(double receivedAt, JsonNode message) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("at", receivedAt);
    n.set("in", message);
    line(n);
  }

  @Override
  public synchronized void evidence(double receivedAt, Evidence evidence) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("at", receivedAt);
    n.set("ev", Json.MAPPER.valueToTree(evidence));
    line(n);
  }

  @Override
  public synchronized void probed(double at, String breakId) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("at", at);
    n.put("probed", breakId);
    line(n);
  }

  private void line(JsonNode n) {
    if (failed) {
      return;
    }
    try {
      out.write(Json.MAPPER.writeValueAsString(n));
      out.write('\n');
    } catch (IOException e) {
      failed = true;
      LOG.log(Level.WARNING, "recording stopped: cannot write", e);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "recording flush failed", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "recording close failed", e);
    }
  }
}

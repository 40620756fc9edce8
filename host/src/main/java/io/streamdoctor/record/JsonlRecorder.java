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
 * Line format: {"at":<host ms>,"in":{event}}, {"at":<host ms>,"ev":{evidence}} or
 * {"at":<host ms>,"probed":"<break id>"} (the probe-backed verdict ran then). {@code in} holds the
 * bound event record re-serialised (its type and components only). At {@link #DEFAULT_MAX_BYTES}
 * the recording stops with a last line {"recording":1,"stopped":"size_cap",...} (which replay
 * skips) and a note in the log: a session left recording for days must not fill the disk.
 */
public final class JsonlRecorder implements Recorder {
  private static final Logger LOG = Logger.getLogger(JsonlRecorder.class.getName());
  /** 64 MiB: ~300,000 events at ~200 bytes each, many hours of heavy use. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private final BufferedWriter out;
  private final long maxBytes;
  private long written;
  private boolean failed;

  public JsonlRecorder(Path file, double startedAt) throws IOException {
    this(file, startedAt, DEFAULT_MAX_BYTES);
  }

  public JsonlRecorder(Path file, double startedAt, long maxBytes) throws IOException {
    io.streamdoctor.platform.PrivateDirs.create(file.toAbsolutePath().getParent());
    io.streamdoctor.platform.PrivateDirs.ownerOnlyFile(file);
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    this.maxBytes = maxBytes;
    ObjectNode header = Json.MAPPER.createObjectNode();
    header.put("recording", 1).put("host", Version.get()).put("at", startedAt);
    line(header);
  }

  @Override
  public synchronized void message(double receivedAt, Evidence event) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("at", receivedAt);
    n.set("in", Json.MAPPER.valueToTree(event));
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
      String text = Json.MAPPER.writeValueAsString(n);
      // Characters, not bytes: close enough for a cap, and no second encoding pass.
      if (written + text.length() + 1 > maxBytes) {
        ObjectNode stop = Json.MAPPER.createObjectNode();
        stop.put("recording", 1).put("stopped", "size_cap").put("bytes", written);
        JsonNode at = n.get("at");
        if (at != null) {
          stop.set("at", at);
        }
        out.write(Json.MAPPER.writeValueAsString(stop));
        out.write('\n');
        failed = true;
        LOG.warning("recording stopped: it reached its size cap of " + maxBytes + " bytes");
        return;
      }
      out.write(text);
      out.write('\n');
      written += text.length() + 1;
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

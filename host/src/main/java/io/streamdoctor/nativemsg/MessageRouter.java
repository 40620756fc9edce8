package io.streamdoctor.nativemsg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.Pipeline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Routes each frame: events onto the pipeline (then acked), requests to their command. */
public final class MessageRouter {
  private static final Logger LOG = Logger.getLogger(MessageRouter.class.getName());

  /** How far an event's {@code ts} may be from the host's clock: now ± 1 day. */
  static final double MAX_CLOCK_SKEW_MS = 86_400_000;

  private final Pipeline pipeline;
  private final ClockMapper clock;
  private final Recorder recorder;
  private final FrameWriter writer;
  private final Acker acker;
  private final Map<String, Command> commands = new HashMap<>();
  /** Bounded: a page hammering "Check now" queues, it does not spawn threads without end. */
  private final java.util.concurrent.ExecutorService slowPool = new java.util.concurrent.ThreadPoolExecutor(
      0, 2, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(16),
      r -> {
        Thread t = new Thread(r, "streamdoctor-command");
        t.setDaemon(true);
        return t;
      });

  public MessageRouter(Pipeline pipeline, ClockMapper clock, Recorder recorder, FrameWriter writer,
      Acker acker, List<Command> commands) {
    this.pipeline = pipeline;
    this.clock = clock;
    this.recorder = recorder;
    this.writer = writer;
    this.acker = acker;
    for (Command c : commands) {
      this.commands.put(c.type(), c);
    }
  }

  public void handle(byte[] body, double receivedAt) {
    EventFastPath.Bound fast = EventFastPath.bind(body);
    if (fast != null) {
      try {
        ingest(fast.evidence(), fast.seq(), receivedAt);
      } catch (ProtocolException e) {
        writer.send(Replies.errorJson(null, e.code(), e.getMessage()));
      } catch (RuntimeException e) { // as below; the fast path only takes events without an id
        LOG.log(Level.SEVERE, "internal error on " + fast.type(), e);
        writer.send(Replies.errorJson(null, ErrorCode.INTERNAL_ERROR, "internal error on " + fast.type() + ": " + e));
      }
      return;
    }
    ObjectNode msg;
    try {
      msg = MessageDecoder.parse(body);
    } catch (ProtocolException e) {
      writer.send(Replies.errorJson(null, e.code(), e.getMessage()));
      return;
    }
    String type = msg.get("type").asText();
    String id = msg.hasNonNull("id") ? msg.get("id").asText() : null;
    try {
      if (MessageDecoder.EVENT_TYPES.contains(type)) {
        onEvent(msg, receivedAt);
      } else if (commands.containsKey(type) && commands.get(type).slow()) {
        runSlow(commands.get(type), msg, id, type);
      } else if (commands.containsKey(type)) {
        reply(id, type, commands.get(type).handle(msg));
      } else {
        throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + type + "'");
      }
    } catch (ProtocolException e) {
      writer.send(Replies.errorJson(id, e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "internal error on " + type, e);
      writer.send(Replies.errorJson(id, ErrorCode.INTERNAL_ERROR, "internal error on " + type + ": " + e));
    }
  }

  private void runSlow(Command command, ObjectNode msg, String id, String type) {
    try {
      slowPool.execute(() -> runNow(command, msg, id, type));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      writer.send(Replies.errorJson(id, ErrorCode.INTERNAL_ERROR, "busy: too many '" + type + "' requests queued"));
    }
  }

  private void runNow(Command command, ObjectNode msg, String id, String type) {
    try {
      reply(id, type, command.handle(msg));
    } catch (ProtocolException e) {
      writer.send(Replies.errorJson(id, e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "internal error on " + type, e);
      writer.send(Replies.errorJson(id, ErrorCode.INTERNAL_ERROR, "internal error on " + type + ": " + e));
    }
  }

  private void onEvent(ObjectNode msg, double receivedAt) throws ProtocolException {
    Evidence ev = MessageDecoder.event(msg);
    JsonNode seq = msg.get("seq");
    ingest(ev, seq != null && seq.canConvertToLong() ? seq.asLong() : -1, receivedAt);
  }

  private void ingest(Evidence ev, long seq, double receivedAt) throws ProtocolException {
    checkTimestamp(ev.ts(), receivedAt);
    recorder.message(receivedAt, ev);
    Evidence mapped = ev.withTs(clock.toHost(ev.ts(), receivedAt));
    pipeline.ingest(receivedAt, mapped, breakId -> acker.hold(breakId, seq));
    acker.stored(seq);
  }

  /**
   * An extension clock more than a day off the host's is not a clock but a bug or a forgery: one
   * {@code ts: 1e300} used to drag {@link ClockMapper}'s offset to -1e300 for the whole session
   * (break ids {@code b--9223372036854775808-…}, every later break pruned as it was saved). A
   * missing {@code ts} (bound as 0) keeps meaning "when the host received it".
   */
  static void checkTimestamp(double ts, double receivedAt) throws ProtocolException {
    if (ts != 0 && !(Math.abs(ts - receivedAt) <= MAX_CLOCK_SKEW_MS)) {
      throw new ProtocolException(ErrorCode.TIMESTAMP_OUT_OF_RANGE,
          "ts " + ts + " is more than a day from the host's clock (" + (long) receivedAt + ")");
    }
  }

  private void reply(String id, String type, ObjectNode body) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("v", 1);
    out.put("type", body.hasNonNull("type") ? body.get("type").asText() : type);
    out.put("id", id);
    body.remove("type");
    out.setAll(body);
    try {
      writer.send(Json.MAPPER.writeValueAsBytes(out));
    } catch (JsonProcessingException e) {
      writer.send(Replies.errorJson(id, ErrorCode.INTERNAL_ERROR, "reply not serialisable"));
    }
  }
}

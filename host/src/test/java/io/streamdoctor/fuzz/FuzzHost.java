package io.streamdoctor.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.nativemsg.Acker;
import io.streamdoctor.nativemsg.CoreCommands;
import io.streamdoctor.nativemsg.FrameWriter;
import io.streamdoctor.nativemsg.Frames;
import io.streamdoctor.nativemsg.MessageRouter;
import io.streamdoctor.nativemsg.ProtocolException;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.ClockMapper;
import io.streamdoctor.timeline.Pipeline;
import io.streamdoctor.timeline.Timeline;
import io.streamdoctor.timeline.VirtualScheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's read loop (as in HostSession) over the real router, codec, pipeline and diagnosis
 * engine, on a virtual clock so every break is diagnosed right after its input. One instance for
 * all inputs: state carried from one input to the next is part of what is fuzzed.
 */
final class FuzzHost {
  static final long HANG_MS = 2_000;
  static final AtomicLong INPUTS = new AtomicLong();
  static final AtomicLong CRASHES = new AtomicLong();
  static final AtomicLong HANGS = new AtomicLong();
  static final AtomicLong VIOLATIONS = new AtomicLong();

  private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
  private static final VirtualScheduler SCHEDULER = new VirtualScheduler();
  private static final MessageRouter ROUTER;
  private static double now = 1_000;

  static {
    FrameWriter writer = new FrameWriter(OUT);
    Pipeline pipeline = new Pipeline(Timeline.standard(), Engine.standard(), SCHEDULER, d -> {});
    ROUTER = new MessageRouter(pipeline, new ClockMapper(), Recorder.NONE, writer, new Acker(writer, () -> {}),
        CoreCommands.all(pipeline));
  }

  private FuzzHost() {}

  /** Feeds one input as a whole stdin; true when the host stayed within every property. */
  static synchronized boolean feed(byte[] stdin) {
    INPUTS.incrementAndGet();
    OUT.reset();
    long start = System.nanoTime();
    try {
      ByteArrayInputStream in = new ByteArrayInputStream(stdin);
      while (true) {
        byte[] body;
        try {
          body = Frames.read(in);
        } catch (ProtocolException e) {
          if (e.code().endsSession()) {
            break;
          }
          continue;
        }
        if (body == null) {
          break;
        }
        now += 300; // past the settle wait: the break found by this input is diagnosed now
        ROUTER.handle(body, now);
        SCHEDULER.advanceTo(now);
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      CRASHES.incrementAndGet();
      throw new AssertionError("escaped the host: " + e, e);
    }
    if ((System.nanoTime() - start) / 1_000_000 > HANG_MS) {
      HANGS.incrementAndGet();
      return false;
    }
    if (!onlyFrames(OUT.toByteArray())) {
      VIOLATIONS.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Whole frames, each at most 1 MiB, each a JSON object with a string {@code type}. */
  static boolean onlyFrames(byte[] out) {
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.nativeOrder());
    while (b.remaining() > 0) {
      if (b.remaining() < 4) {
        return false;
      }
      int len = b.getInt();
      if (len <= 0 || len > Frames.MAX_OUTBOUND || len > b.remaining()) {
        return false;
      }
      byte[] body = new byte[len];
      b.get(body);
      try {
        JsonNode n = Json.MAPPER.readTree(body);
        if (n == null || !n.isObject() || !n.path("type").isTextual()) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  static byte[] frame(byte[] body) {
    return ByteBuffer.allocate(4 + body.length).order(ByteOrder.nativeOrder()).putInt(body.length).put(body).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  /** Appends the totals to target/fuzz-stats.txt (bench/fuzz.sh reads the last line). */
  static void writeStats() {
    String line = "fuzz inputs=" + INPUTS.get() + " crashes=" + CRASHES.get() + " hangs=" + HANGS.get()
        + " stdout_violations=" + VIOLATIONS.get() + "\n";
    try {
      Files.writeString(Path.of("target", "fuzz-stats.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

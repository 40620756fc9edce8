package io.streamdoctor.nativemsg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only writer of the host's stdout. Whole frames are written under one lock so concurrent
 * replies (probes, the ack timer) never interleave. A reply over 1 MiB is replaced by error 301.
 */
public final class FrameWriter {
  /**
   * Loaded on first use only: the writer sends the hello, and java.util.logging's LogManager
   * start-up (configuration, service lookup, lambdas) took ~27 ms of the path to it.
   */
  private static final class Log {
    static final Logger LOG = Logger.getLogger(FrameWriter.class.getName());
  }

  private final OutputStream out;
  private volatile boolean broken;

  public FrameWriter(OutputStream out) {
    this.out = out;
  }

  public synchronized void send(byte[] json) {
    if (broken) {
      return;
    }
    byte[] frame;
    try {
      frame = Frames.encode(json, ByteOrder.nativeOrder(), Frames.MAX_OUTBOUND);
    } catch (ProtocolException e) {
      Log.LOG.warning("reply not sent: " + e.getMessage());
      String err = Replies.errorJson(null, e.code(), e.getMessage());
      frame = encodeOrNull(err.getBytes(StandardCharsets.UTF_8));
      if (frame == null) {
        return;
      }
    }
    try {
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      broken = true;
      Log.LOG.log(Level.INFO, "stdout closed by the browser", e);
    }
  }

  public void send(String json) {
    send(json.getBytes(StandardCharsets.UTF_8));
  }

  public boolean isBroken() {
    return broken;
  }

  private static byte[] encodeOrNull(byte[] body) {
    try {
      return Frames.encode(body, ByteOrder.nativeOrder(), Frames.MAX_OUTBOUND);
    } catch (ProtocolException e) {
      return null;
    }
  }
}

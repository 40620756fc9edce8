package io.streamdoctor.nativemsg;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.record.Recorder;
import io.streamdoctor.timeline.HostClock;
import io.streamdoctor.timeline.LiveScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The read loop of one native-messaging session. Ends on EOF (the browser closed the port) or on
 * a framing error that loses the frame boundary; either way pending verdicts and acks go out
 * first.
 */
public final class HostSession {
  private static final Logger LOG = Logger.getLogger(HostSession.class.getName());

  private final MessageRouter router;
  private final FrameWriter writer;
  private final Acker acker;
  private final LiveScheduler scheduler;
  private final Recorder recorder;
  private final HostClock clock;

  public HostSession(MessageRouter router, FrameWriter writer, Acker acker, LiveScheduler scheduler,
      Recorder recorder, HostClock clock) {
    this.router = router;
    this.writer = writer;
    this.acker = acker;
    this.scheduler = scheduler;
    this.recorder = recorder;
    this.clock = clock;
  }

  public int run(InputStream in) {
    scheduler.every(100, acker::flush);
    int exit = ExitCodes.OK;
    try {
      while (!writer.isBroken()) {
        byte[] body;
        try {
          body = Frames.read(in);
        } catch (ProtocolException e) {
          writer.send(Replies.errorJson(null, e.code(), e.getMessage()));
          if (e.code().endsSession()) {
            LOG.warning("session ended: " + e.getMessage());
            exit = e.code() == ErrorCode.FRAME_TRUNCATED ? ExitCodes.OK : ExitCodes.PROTOCOL;
            break;
          }
          continue;
        }
        if (body == null) {
          LOG.info("stdin closed: session over");
          break;
        }
        router.handle(body, clock.nowMs());
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "stdin failed", e);
    } finally {
      scheduler.close();
      recorder.flush();
      acker.flush();
    }
    return exit;
  }
}

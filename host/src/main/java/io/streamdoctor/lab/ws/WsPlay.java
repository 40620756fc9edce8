package io.streamdoctor.lab.ws;

import io.streamdoctor.lab.FaultKind;
import io.streamdoctor.lab.FaultSpec;
import io.streamdoctor.lab.LabLog;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * One answer on one WebSocket in the site's dialect ({@link WsDialect}), driven
 * by a shared scheduler (no thread per socket), broken the way the fault says.
 */
final class WsPlay {
  private final WebSocket conn;
  private final String id;
  private final FaultSpec f;
  private final LabLog.Entry log;
  private final ScheduledExecutorService timer;
  private final WsDialect dialect;
  private int next;
  private long payload;

  WsPlay(WebSocket conn, String id, FaultSpec spec, LabLog.Entry log, ScheduledExecutorService timer,
      WsDialect dialect) {
    this.dialect = dialect;
    this.conn = conn;
    this.id = id;
    this.f = spec.kind() == FaultKind.SLOW_TTFT && spec.then() != null ? spec.then() : spec;
    this.log = log;
    this.timer = timer;
    timer.schedule(this::step, spec.ttftMs(), TimeUnit.MILLISECONDS);
  }

  private void step() {
    if (!conn.isOpen()) {
      return;
    }
    if (f.kind() == FaultKind.CUT || (f.afterBytes() >= 0 && dropsConnection())) {
      byte[] frame = frame(next).getBytes(StandardCharsets.UTF_8);
      if (next >= f.frames() || payload + frame.length > f.afterBytes()) {
        strike();
        return;
      }
    } else if (next == f.atFrame() && strikesAtFrame()) {
      strike();
      return;
    }
    if (next >= f.frames()) {
      log.end("complete");
      send(dialect.done(id));
      if (dialect.dropAfterDoneMs() >= 0) {
        timer.schedule(() -> drop(false), dialect.dropAfterDoneMs(), TimeUnit.MILLISECONDS);
      }
      return; // Copilot: the page closes the socket after done, as Copilot's client does
    }
    send(frame(next));
    log.frame();
    next++;
    timer.schedule(this::step, f.gapMs(), TimeUnit.MILLISECONDS);
  }

  private String frame(int i) {
    return dialect.frame(i, id);
  }

  private void send(String text) {
    conn.send(text);
    payload += text.getBytes(StandardCharsets.UTF_8).length;
    log.bytesSent(payload);
  }

  private void strike() {
    switch (f.kind()) {
      case WS_CLOSE -> {
        log.end("ws_close_" + f.wsCode());
        conn.close(f.wsCode(), f.wsCode() == 1013 ? "Try Again Later" : "Internal Error");
      }
      case OVERLOADED -> {
        send(dialect.overloaded());
        log.end("overloaded");
        conn.close(1000, "");
      }
      case STALL -> {
        log.end("stall");
        timer.schedule(() -> drop(false), f.holdMs(), TimeUnit.MILLISECONDS);
      }
      case RST -> {
        log.end("rst");
        drop(true);
      }
      default -> {
        log.end(f.kind() == FaultKind.CUT ? "cut" : f.kind() == FaultKind.WS_DROP ? "ws_drop" : "fin");
        drop(false);
      }
    }
  }

  /**
   * Ends the TCP connection without a close frame, once queued frames are on the wire: the
   * browser then reports 1006 (RFC 6455 §7.1.5). With {@code reset}, SO_LINGER 0 makes it a RST.
   */
  private void drop(boolean reset) {
    if (conn.hasBufferedData()) {
      timer.schedule(() -> drop(reset), 5, TimeUnit.MILLISECONDS);
      return;
    }
    if (reset && conn instanceof WebSocketImpl impl && impl.getChannel() instanceof NetworkChannel ch) {
      try {
        ch.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException ignored) {
        // already closed: nothing left to reset
      }
    }
    conn.closeConnection(1006, reset ? "lab rst" : "lab drop");
  }

  private boolean dropsConnection() {
    return f.kind() == FaultKind.FIN || f.kind() == FaultKind.RST || f.kind() == FaultKind.WS_DROP;
  }

  private boolean strikesAtFrame() {
    return switch (f.kind()) {
      case FIN, RST, STALL, OVERLOADED, WS_CLOSE, WS_DROP -> true;
      default -> false;
    };
  }
}

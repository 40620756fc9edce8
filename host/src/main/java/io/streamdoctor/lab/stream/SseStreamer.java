package io.streamdoctor.lab.stream;

import io.streamdoctor.lab.Answer;
import io.streamdoctor.lab.FaultKind;
import io.streamdoctor.lab.FaultSpec;
import io.streamdoctor.lab.LabLog;
import io.streamdoctor.lab.http.Exchange;
import java.io.IOException;

/** Plays one SSE answer on an exchange and breaks it the way the fault says. */
public final class SseStreamer {
  private final SseDialect dialect;

  public SseStreamer(SseDialect dialect) {
    this.dialect = dialect;
  }

  public void play(Exchange ex, String exchangeId, FaultSpec spec, LabLog.Entry log)
      throws InterruptedException {
    try {
      // Wait for the first byte, but give the worker back at once if the client gives up.
      if (spec.ttftMs() > 0 && !ex.holdSilently(spec.ttftMs()).equals("timeout")) {
        log.end("client_gone");
        return;
      }
      FaultSpec f = spec.kind() == FaultKind.SLOW_TTFT && spec.then() != null ? spec.then() : spec;
      if (f.afterBytes() >= 0 && byteExact(f.kind())) {
        ex.limitTo(f.afterBytes());
      }
      if (f.kind() == FaultKind.HTTP) {
        HttpErrors.send(ex, dialect, f, log);
        return;
      }
      stream(ex, exchangeId, f, log);
    } catch (Exchange.LimitReached e) {
      // only fin, rst and cut set a limit: end the connection their way at the exact byte
      FaultSpec f = spec.then() != null ? spec.then() : spec;
      log.bytesSent(ex.bytesSent());
      // logged before the socket acts, so a client that sees the end finds it in /lab/log
      if (f.kind() == FaultKind.RST) {
        log.end("rst");
        ex.rst();
      } else {
        log.end(f.kind() == FaultKind.CUT ? "cut" : "fin");
        ex.fin();
      }
    } catch (IOException e) {
      log.bytesSent(ex.bytesSent());
      log.end("client_gone");
    } catch (InterruptedException e) {
      log.end("server_stopped");
      throw e;
    } finally {
      log.bytesSent(ex.bytesSent());
      ex.closeQuietly();
    }
  }

  private void stream(Exchange ex, String id, FaultSpec f, LabLog.Entry log)
      throws IOException, InterruptedException {
    log.status(200);
    ex.head(200, "OK", "Content-Type: text/event-stream; charset=utf-8", "Cache-Control: no-cache",
        "Transfer-Encoding: chunked", "X-Accel-Buffering: no");
    for (byte[] ev : dialect.preamble(id)) {
      ex.chunk(ev);
    }
    boolean byFrame = f.afterBytes() < 0 || !byteExact(f.kind());
    for (int i = 0; i < f.frames(); i++) {
      if (byFrame && i == f.atFrame() && strikesAtFrame(f.kind())) {
        log.bytesSent(ex.bytesSent());
        strike(ex, f, log);
        return;
      }
      ex.chunk(dialect.token(i, Answer.token(i)));
      log.frame();
      log.bytesSent(ex.bytesSent());
      if (f.gapMs() > 0) {
        Thread.sleep(f.gapMs());
      }
    }
    if (byFrame && f.atFrame() >= f.frames() && strikesAtFrame(f.kind())) {
      strike(ex, f, log);
      return;
    }
    for (byte[] ev : dialect.terminal()) {
      ex.chunk(ev);
    }
    ex.lastChunk();
    log.bytesSent(ex.bytesSent());
    log.end("complete");
    ex.finish();
  }

  /** Ends the exchange the fault's way, logging first (a client that saw the end finds it logged). */
  private void strike(Exchange ex, FaultSpec f, LabLog.Entry log) throws IOException {
    switch (f.kind()) {
      case RST -> {
        log.end("rst");
        ex.rst();
      }
      case STALL -> {
        log.end("stall");
        ex.holdSilently(f.holdMs());
      }
      case OVERLOADED -> {
        ex.chunk(dialect.error("overloaded_error", "Overloaded"));
        ex.lastChunk();
        log.bytesSent(ex.bytesSent());
        log.end("overloaded");
        ex.finish();
      }
      default -> {
        log.end("fin");
        ex.fin();
      }
    }
  }

  private static boolean byteExact(FaultKind k) {
    return k == FaultKind.FIN || k == FaultKind.RST || k == FaultKind.CUT;
  }

  private static boolean strikesAtFrame(FaultKind k) {
    return k == FaultKind.FIN || k == FaultKind.RST || k == FaultKind.STALL
        || k == FaultKind.OVERLOADED;
  }
}

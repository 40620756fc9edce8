package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.StreamEnded;

/**
 * Who closed a stream that ended badly: the network (a reset, a FIN before the end, a WebSocket
 * gone without a close frame: 1006, RFC 6455 section 7.1.5), the browser itself (it gave up on a
 * silent connection: a timeout or a failed HTTP/2 PING), or the other side with a reason (an HTTP
 * error, an in-stream error, a WebSocket close code, a network change or offline).
 */
final class NetworkClose {
  enum Kind { NETWORK, BROWSER_TIMEOUT, OTHER }

  private NetworkClose() {}

  static Kind of(BreakContext ctx) {
    StreamEnded end = ctx.stream().end();
    if (end == null || !end.isBreak() || "http_error".equals(end.outcome()) || !ctx.stream().errors().isEmpty()) {
      return Kind.OTHER;
    }
    if (end.closeCode() != null) {
      return end.closeCode() == 1006 ? Kind.NETWORK : Kind.OTHER;
    }
    Kind kind = Kind.NETWORK; // a body error with no browser report: the connection went away
    for (RequestError e : ctx.streamRequestErrors()) {
      Kind k = of(e.error());
      if (k != Kind.NETWORK) {
        kind = k;
      }
    }
    return kind;
  }

  static Kind of(String error) {
    if (error != null && error.contains("PING_FAILED")) {
      return Kind.BROWSER_TIMEOUT;
    }
    return switch (NetErrors.kind(error)) {
      case RESET, CLOSED, INCOMPLETE_BODY, PROTOCOL, FAILED, UNKNOWN -> Kind.NETWORK;
      case TIMED_OUT -> Kind.BROWSER_TIMEOUT;
      default -> Kind.OTHER;
    };
  }

  static String describe(BreakContext ctx) {
    StreamEnded end = ctx.stream().end();
    if (end.closeCode() != null) {
      return "WebSocket " + end.closeCode() + ", no close frame";
    }
    for (RequestError e : ctx.streamRequestErrors()) {
      return Verdicts.errorCode(e.error());
    }
    return "truncated".equals(end.outcome()) ? "ended before its terminal marker" : "the body failed";
  }
}

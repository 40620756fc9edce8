package io.streamdoctor.dns;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Rcode;

/** The boundary: dnsjava/JDK outcomes become our outcome words; nothing third-party leaks out. */
final class DnsFailures {
  private DnsFailures() {}

  static String outcomeOf(int rcode) {
    return switch (rcode) {
      case Rcode.NOERROR -> "ok";
      case Rcode.NXDOMAIN -> "nxdomain";
      case Rcode.SERVFAIL -> "servfail";
      case Rcode.REFUSED -> "refused";
      default -> "error";
    };
  }

  static DnsAnswer fromThrowable(Throwable t, double latencyMs) {
    Throwable c = unwrap(t);
    if (c instanceof SocketTimeoutException || c instanceof TimeoutException || c instanceof HttpTimeoutException
        || (c.getMessage() != null && c.getMessage().toLowerCase().contains("timed out"))) {
      return DnsAnswer.failed("timeout", latencyMs, "no answer in time");
    }
    if (c instanceof PortUnreachableException) {
      // ICMP port unreachable: nothing listens on that resolver address.
      return DnsAnswer.failed("timeout", latencyMs, "port unreachable");
    }
    String kind = c instanceof IOException ? "network" : c.getClass().getSimpleName();
    return DnsAnswer.failed("error", latencyMs, kind + ": " + c.getMessage());
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  static String rcodeName(int rcode) {
    return Rcode.string(rcode);
  }
}

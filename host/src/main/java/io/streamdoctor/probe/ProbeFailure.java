package io.streamdoctor.probe;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The boundary: every library or JDK exception a probe meets becomes one of these outcome words,
 * so nothing downstream (evidence, rules, the CLI) ever sees a third-party exception type.
 */
public enum ProbeFailure {
  REFUSED("refused"),
  RESET("reset"),
  TIMEOUT("timeout"),
  UNREACHABLE("unreachable"),
  DNS("dns"),
  ERROR("error");

  private final String word;

  ProbeFailure(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static ProbeFailure classify(Throwable t) {
    Throwable c = unwrap(t);
    String msg = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
    if (c instanceof UnknownHostException) {
      return DNS;
    }
    if (c instanceof SocketTimeoutException || c instanceof TimeoutException || c instanceof HttpTimeoutException
        || c instanceof HttpConnectTimeoutException || msg.contains("timed out")) {
      return TIMEOUT;
    }
    if (c instanceof NoRouteToHostException || c instanceof PortUnreachableException
        || msg.contains("network is unreachable") || msg.contains("no route to host")) {
      return UNREACHABLE;
    }
    if (c instanceof ConnectException) {
      return REFUSED;
    }
    // A middlebox that kills the handshake (SNI filtering) shows as a reset or an EOF mid-handshake.
    if (msg.contains("connection reset") || msg.contains("broken pipe") || msg.contains("terminated the handshake")
        || c instanceof EOFException || (c instanceof SSLException && c.getCause() instanceof SocketException)) {
      return RESET;
    }
    return ERROR;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof SSLException && c.getCause() != null && c.getCause() != c
        && (c.getCause() instanceof SocketException || c.getCause() instanceof EOFException)) {
      return c.getCause();
    }
    return c;
  }
}

package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProbeFailureTest {
  @Test
  void classify_jdkExceptions_ourWords() {
    assertEquals(ProbeFailure.REFUSED, ProbeFailure.classify(new ConnectException("Connection refused")));
    assertEquals(ProbeFailure.UNREACHABLE, ProbeFailure.classify(new ConnectException("Network is unreachable")));
    assertEquals(ProbeFailure.UNREACHABLE, ProbeFailure.classify(new NoRouteToHostException("x")));
    assertEquals(ProbeFailure.TIMEOUT, ProbeFailure.classify(new SocketTimeoutException("Connect timed out")));
    assertEquals(ProbeFailure.RESET, ProbeFailure.classify(new SocketException("Connection reset")));
    assertEquals(ProbeFailure.DNS, ProbeFailure.classify(new UnknownHostException("chat")));
    assertEquals(ProbeFailure.ERROR, ProbeFailure.classify(new IllegalStateException("bug")));
  }

  @Test
  void classify_wrapped_unwrapsToCause() {
    assertEquals(ProbeFailure.REFUSED, ProbeFailure.classify(new CompletionException(new ConnectException("refused"))));
    SSLHandshakeException ssl = new SSLHandshakeException("Remote host terminated the handshake");
    ssl.initCause(new EOFException("SSL peer shut down incorrectly"));
    assertEquals(ProbeFailure.RESET, ProbeFailure.classify(ssl));
  }
}

package io.streamdoctor.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts any server chain so the handshake completes and the issuer can be named, while
 * recording whether the real trust manager would have accepted it. Used only by the probe, which
 * sends no data over the connection.
 */
final class ChainCapture extends X509ExtendedTrustManager {
  private final X509TrustManager real;
  volatile X509Certificate[] chain;
  volatile String trustProblem;
  volatile String authType;

  ChainCapture(X509TrustManager real) {
    this.real = real;
  }

  private void capture(X509Certificate[] c, String authType) {
    chain = c;
    this.authType = authType;
    try {
      real.checkServerTrusted(c, authType);
    } catch (CertificateException | RuntimeException e) {
      trustProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String authType, Socket s) {
    capture(c, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine e) {
    capture(c, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] c, String authType) {
    capture(c, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String authType, Socket s) throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine e) throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not used");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}

package io.streamdoctor.probe;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The JDK's trust manager, built on the first TLS probe instead of at host start. Building it
 * parses the cacerts store and loads the TLS stack (~250 classes, several MiB of the host's
 * resident memory) that a session without a break never needs.
 */
public final class LazyTrust implements X509TrustManager {
  private volatile X509TrustManager delegate;

  private X509TrustManager get() {
    X509TrustManager d = delegate;
    if (d == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = TlsProber.jdkTrust();
        }
        d = delegate;
      }
    }
    return d;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    get().checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    get().checkServerTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return get().getAcceptedIssuers();
  }
}

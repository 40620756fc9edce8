package io.streamdoctor.probe;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.timeline.HostClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS handshake with the chat host (SNI = the host) that names the certificate's issuer. An
 * antivirus or corporate proxy that intercepts TLS (and often buffers SSE streams) re-signs with
 * its own CA: the chain then fails the JDK's own trust store (which never holds such roots) or
 * the issuer is none of the configured public CAs.
 */
public final class TlsProber {
  private final Targets targets;
  private final HostClock clock;
  private final X509TrustManager trust;
  private final Supplier<X509TrustManager> osTrust;

  public TlsProber(Targets targets, HostClock clock, X509TrustManager trust) {
    this(targets, clock, trust, OS_TRUST);
  }

  /** {@code osTrust}: the OS trust store (OsTrust), asked only about chains the JDK rejects. */
  public TlsProber(Targets targets, HostClock clock, X509TrustManager trust,
      Supplier<X509TrustManager> osTrust) {
    this.targets = targets;
    this.clock = clock;
    this.trust = trust;
    this.osTrust = osTrust;
  }

  /** Read once per host process, on the first chain the JDK rejects. */
  private static final Supplier<X509TrustManager> OS_TRUST = new Supplier<>() {
    private volatile Optional<X509TrustManager> loaded;

    @Override
    public X509TrustManager get() {
      if (loaded == null) {
        loaded = Optional.ofNullable(OsTrust.system());
      }
      return loaded.orElse(null);
    }
  };

  public static X509TrustManager jdkTrust() {
    try {
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init((KeyStore) null);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return x;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no default trust manager", e);
    }
    throw new IllegalStateException("the JDK has no X.509 trust manager");
  }

  /** Resolves {@code host} (or its configured connect address), then probes that address. */
  public TlsProbe probe(String host, int port, Deadline deadline) {
    InetSocketAddress addr;
    try {
      addr = ConnectTarget.of(targets, host, port);
    } catch (IOException | IllegalArgumentException e) {
      return failed(host, e);
    }
    return probe(host, addr, deadline);
  }

  public TlsProbe failed(String host, Exception e) {
    return new TlsProbe(clock.nowMs(), host, ProbeFailure.classify(e).word(), null, false, null);
  }

  /** A handshake with exactly {@code addr} (resolved and checked by the caller), SNI = {@code host}. */
  public TlsProbe probe(String host, InetSocketAddress addr, Deadline deadline) {
    double ts = clock.nowMs();
    int port = addr.getPort();
    ChainCapture capture = new ChainCapture(trust);
    long start = System.nanoTime();
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {capture}, null);
      try (Socket raw = new Socket()) {
        raw.connect(addr, deadline.budgetMs(20, 50));
        raw.setSoTimeout(deadline.budgetMs(20, 50));
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, true)) {
          SSLParameters p = s.getSSLParameters();
          p.setServerNames(List.of(new SNIHostName(host)));
          s.setSSLParameters(p);
          s.startHandshake();
        }
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      if (capture.chain == null) {
        return new TlsProbe(ts, host, ProbeFailure.classify(e).word(), null, false, null);
      }
      // The chain arrived before the failure: still name the issuer.
    }
    double ms = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
    if (capture.chain == null || capture.chain.length == 0) {
      return new TlsProbe(ts, host, "error", null, false, null);
    }
    String issuer = issuerSummary(capture.chain[0].getIssuerX500Principal().getName());
    boolean trusted = capture.trustProblem == null;
    boolean expected = trusted && matchesExpected(issuer);
    Boolean osTrusted = trusted ? null : OsTrust.accepts(osTrust.get(), capture.chain, capture.authType);
    return new TlsProbe(ts, host, trusted ? "ok" : "untrusted", issuer, expected, ms, osTrusted);
  }

  private boolean matchesExpected(String issuer) {
    if (targets.expectedIssuers().isEmpty()) {
      return true;
    }
    String lower = issuer.toLowerCase(Locale.ROOT);
    return targets.expectedIssuers().stream().anyMatch(x -> lower.contains(x.toLowerCase(Locale.ROOT)));
  }

  /** "CN=WE1,O=Google Trust Services,C=US" → "Google Trust Services (WE1)". */
  static String issuerSummary(String rfc2253) {
    String org = null;
    String cn = null;
    try {
      for (Rdn r : new LdapName(rfc2253).getRdns()) {
        if (r.getType().equalsIgnoreCase("O")) {
          org = r.getValue().toString();
        } else if (r.getType().equalsIgnoreCase("CN")) {
          cn = r.getValue().toString();
        }
      }
    } catch (InvalidNameException e) {
      return rfc2253;
    }
    if (org == null) {
      return cn == null ? rfc2253 : cn;
    }
    return cn == null ? org : org + " (" + cn + ")";
  }
}

package io.streamdoctor.evidence;

/**
 * A TLS handshake with {@code host} (SNI = host). {@code outcome}: ok, untrusted (handshake done
 * but the chain does not verify against the JDK's trust store), reset (connection reset during
 * the handshake: typical of SNI filtering), timeout, refused, error. {@code issuer}: "Org (CN)" of
 * the leaf's issuer; {@code expectedIssuer}: the chain verifies and the issuer is one of the
 * configured public CAs. {@code osTrusted} (untrusted chains only, null when not checked): the
 * chain verifies against the operating system's trust store, where corporate and antivirus
 * roots are installed and the JDK's own store never looks.
 */
public record TlsProbe(double ts, String host, String outcome, String issuer, boolean expectedIssuer,
    Double handshakeMs, Boolean osTrusted) implements Evidence {
  public TlsProbe(double ts, String host, String outcome, String issuer, boolean expectedIssuer,
      Double handshakeMs) {
    this(ts, host, outcome, issuer, expectedIssuer, handshakeMs, null);
  }

  @Override
  public TlsProbe withTs(double t) {
    return new TlsProbe(t, host, outcome, issuer, expectedIssuer, handshakeMs, osTrusted);
  }
}

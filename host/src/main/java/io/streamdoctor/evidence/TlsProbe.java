package io.streamdoctor.evidence;

/**
 * A TLS handshake with {@code host} (SNI = host). {@code outcome}: ok, untrusted (handshake done
 * but the chain does not verify), reset (connection reset during the handshake: typical of SNI
 * filtering), timeout, refused, error. {@code issuer}: "Org (CN)" of the leaf's issuer;
 * {@code expectedIssuer}: the chain verifies and the issuer is one of the configured public CAs.
 */
public record TlsProbe(double ts, String host, String outcome, String issuer, boolean expectedIssuer,
    Double handshakeMs) implements Evidence {
  @Override
  public TlsProbe withTs(double t) {
    return new TlsProbe(t, host, outcome, issuer, expectedIssuer, handshakeMs);
  }
}

package io.streamdoctor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The operating system's trust store: where antivirus and corporate TLS-inspection roots are
 * installed (update-ca-certificates(8) writes /etc/ssl/certs/ca-certificates.crt on Debian and
 * Ubuntu, update-ca-trust(8) /etc/pki/tls/certs/ca-bundle.crt on Fedora and RHEL; Windows keeps
 * them in the ROOT system store, macOS in the keychain). The JDK's cacerts never holds them, so a
 * chain the JDK rejects but this store accepts was signed by a locally installed root. Read
 * lazily, only for a chain the JDK rejected.
 */
public final class OsTrust {
  static final List<Path> BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
      Path.of("/etc/pki/tls/certs/ca-bundle.crt"), Path.of("/etc/ssl/ca-bundle.pem"), Path.of("/etc/ssl/cert.pem"));

  private OsTrust() {}

  /** This machine's OS trust store, or null when none can be read. */
  public static X509TrustManager system() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    try {
      if (os.contains("win")) {
        return manager(platformStore("Windows-ROOT"));
      }
      if (os.contains("mac")) {
        return manager(platformStore("KeychainStore"));
      }
      for (Path p : BUNDLES) {
        if (Files.isReadable(p)) {
          return fromBundle(p);
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** A trust manager over every certificate of a PEM bundle. */
  public static X509TrustManager fromBundle(Path pem) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("os-" + i++, c);
      }
    }
    return manager(ks);
  }

  /** Whether {@code trust} accepts the chain; null when there is no store to ask. */
  static Boolean accepts(X509TrustManager trust, X509Certificate[] chain, String authType) {
    if (trust == null || chain == null || authType == null) {
      return null;
    }
    try {
      trust.checkServerTrusted(chain, authType);
      return true;
    } catch (CertificateException | RuntimeException e) {
      return false;
    }
  }

  private static KeyStore platformStore(String type) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(type);
    ks.load(null, null);
    return ks;
  }

  private static X509TrustManager manager(KeyStore ks) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(ks);
    for (TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    return null;
  }
}

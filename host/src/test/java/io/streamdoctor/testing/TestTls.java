package io.streamdoctor.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A self-signed test certificate made with the JDK's keytool, and contexts trusting it. */
public final class TestTls {
  public static final String ISSUER_ORG = "StreamDoctor Test CA";
  private static final char[] PASS = "changeit".toCharArray();
  private static KeyStore store;

  private TestTls() {}

  public static synchronized KeyStore keyStore() throws Exception {
    if (store == null) {
      Path dir = Files.createTempDirectory("sd-tls");
      Path ks = dir.resolve("test.p12");
      try {
        store = generate(ks);
      } finally {
        // the key store is read into memory: nothing of it stays behind in the temp folder
        Files.deleteIfExists(ks);
        Files.deleteIfExists(dir);
      }
    }
    return store;
  }

  private static KeyStore generate(Path ks) throws Exception {
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "test", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=chat.example.test, O=" + ISSUER_ORG, "-ext", "san=dns:chat.example.test,ip:127.0.0.1",
        "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"))
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed");
    }
    KeyStore k = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      k.load(in, PASS);
    }
    return k;
  }

  public static SSLContext serverContext() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore(), PASS);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  public static X509TrustManager trustingTestCert() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("test", keyStore().getCertificate("test"));
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(trust);
    for (TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException();
  }
}

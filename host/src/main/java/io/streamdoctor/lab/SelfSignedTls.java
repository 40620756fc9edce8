package io.streamdoctor.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away TLS identity for the lab's HTTPS listener, made by the JDK's own keytool at start-up
 * (no certificate library needed). Browsers accept it only with --ignore-certificate-errors: it
 * exists so tests can serve pages under the chat sites' host names (lab-notes.md).
 */
public final class SelfSignedTls {
  /** Names the certificate covers: loopback plus the sites tests impersonate. */
  static final String SAN = "dns:localhost,ip:127.0.0.1,dns:chatgpt.com,dns:chat.openai.com,"
      + "dns:claude.ai,dns:copilot.microsoft.com,dns:gemini.google.com,dns:www.perplexity.ai";

  private SelfSignedTls() {}

  public static SSLContext create() throws IOException, GeneralSecurityException {
    Path dir = Files.createTempDirectory("sdlab-tls");
    Path store = dir.resolve("lab.p12");
    char[] pass = HexFormat.of().formatHex(new SecureRandom().generateSeed(12)).toCharArray();
    try {
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      // Fixed argument vector, no shell. EC P-256 keeps generation fast.
      List<String> argv = List.of(keytool.toString(), "-genkeypair", "-alias", "lab",
          "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=StreamDoctor lab",
          "-ext", "SAN=" + SAN, "-validity", "2", "-storetype", "PKCS12",
          "-keystore", store.toString(), "-storepass", new String(pass), "-keypass", new String(pass));
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("keytool failed: " + out.strip());
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, pass);
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pass);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
      return ctx;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the lab certificate", e);
    } finally {
      Files.deleteIfExists(store);
      Files.deleteIfExists(dir);
    }
  }
}

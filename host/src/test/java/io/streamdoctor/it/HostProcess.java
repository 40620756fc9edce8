package io.streamdoctor.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamdoctor.Json;
import io.streamdoctor.nativemsg.Frames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The real jar started the way a browser starts it, talking frames over pipes. */
public final class HostProcess implements AutoCloseable {
  private final Process process;
  private final OutputStream stdin;
  private final InputStream stdout;
  private final ExecutorService reader = Executors.newSingleThreadExecutor();

  private HostProcess(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    this.stdout = process.getInputStream();
  }

  public static Path jar() {
    String p = System.getProperty("streamdoctor.jar");
    Path jar = p != null ? Path.of(p) : Path.of("target/streamdoctor.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("run 'mvn package' first: no " + jar.toAbsolutePath());
    }
    return jar.toAbsolutePath();
  }

  /** Starts {@code java -jar streamdoctor.jar ARGS} with cwd = the jar's folder, as Chrome does. */
  public static HostProcess start(Path home, Map<String, String> env, String... args) throws IOException {
    return start(home, env, List.of(), args);
  }

  /**
   * The JVM options of the installed launcher (installer JavaRuntime.baseOptions, which this module
   * cannot see): a 48 MiB heap, the serial collector, C1 only.
   */
  public static final List<String> LAUNCHER_OPTIONS = List.of("-Xms8m", "-Xmx48m", "-Xmn2m", "-XX:+UseSerialGC",
      "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m");

  /** As {@link #start(Path, Map, String...)} with these JVM options (e.g. the launcher's own). */
  public static HostProcess start(List<String> jvmOptions, Path home, Map<String, String> env, String... args)
      throws IOException {
    return start(home, env, jvmOptions, args);
  }

  /** As {@link #start(Path, Map, String...)} with {@code jvm} options before {@code -jar}. */
  public static HostProcess start(Path home, Map<String, String> env, List<String> jvm, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xshare:auto"));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(jar().getParent().toFile());
    pb.environment().put("STREAMDOCTOR_HOME", home.toString());
    pb.environment().putAll(env);
    pb.redirectError(home.resolve("stderr.txt").toFile());
    return new HostProcess(pb.start());
  }

  public static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public void send(String json) throws IOException {
    sendRaw(frame(json.getBytes(StandardCharsets.UTF_8)));
  }

  public void sendRaw(byte[] bytes) throws IOException {
    stdin.write(bytes);
    stdin.flush();
  }

  public static byte[] frame(byte[] body) {
    return ByteBuffer.allocate(4 + body.length).order(ByteOrder.nativeOrder())
        .putInt(body.length).put(body).array();
  }

  /** The next frame as JSON, failing after {@code timeoutMs}. */
  public JsonNode read(long timeoutMs) throws Exception {
    Future<byte[]> f = reader.submit(() -> Frames.readExpected(stdout, Frames.MAX_OUTBOUND));
    return Json.MAPPER.readTree(f.get(timeoutMs, TimeUnit.MILLISECONDS));
  }

  /** Reads frames until one of {@code type} arrives, collecting everything seen. */
  public JsonNode readUntil(String type, long timeoutMs, List<JsonNode> seen) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no '" + type + "' frame within " + timeoutMs + " ms; saw " + seen);
      }
      JsonNode n = read(left);
      seen.add(n);
      if (type.equals(n.path("type").asText())) {
        return n;
      }
    }
  }

  /** The host's process id (to read its thread count from /proc). */
  public long pid() {
    return process.pid();
  }

  public void closeStdin() throws IOException {
    stdin.close();
  }

  /** Everything left on stdout until the process closes it. */
  public byte[] drain(long timeoutMs) throws Exception {
    Future<byte[]> f = reader.submit(() -> {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      stdout.transferTo(all);
      return all.toByteArray();
    });
    return f.get(timeoutMs, TimeUnit.MILLISECONDS);
  }

  public int waitFor(long timeoutMs) throws InterruptedException {
    if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("host did not exit within " + timeoutMs + " ms");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    reader.shutdownNow();
  }
}

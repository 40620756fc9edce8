package io.streamdoctor.lab;

import io.streamdoctor.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamdoctor lab fetch URL}: a raw HTTP/1.1 client that copies the response (head and
 * body, as received) to stdout and then says on stderr how the connection ended — what a test in
 * another network namespace needs when curl may not be installed.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = "POST to a lab stream URL, copy the raw response to stdout, report how it ended"
        + " on stderr as 'ended=eof|reset|timeout|refused bytes=N'.")
public final class LabFetchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "URL", description = "An http:// URL.")
  URI url;

  @Option(names = "--timeout-ms", defaultValue = "10000", description = "Read timeout (default ${DEFAULT-VALUE}).")
  int timeoutMs;

  @Option(names = "--body-bytes", defaultValue = "2", description = "Request body size (a JSON prompt padded to this).")
  int bodyBytes;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!"http".equals(url.getScheme()) || url.getHost() == null) {
      err.println("streamdoctor lab fetch: only http://HOST:PORT/... URLs");
      return ExitCodes.USAGE;
    }
    int port = url.getPort() < 0 ? 80 : url.getPort();
    String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    byte[] body = ("{}" + " ".repeat(Math.max(0, bodyBytes - 2))).getBytes(StandardCharsets.US_ASCII);
    long received = 0;
    String ended;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(url.getHost(), port), timeoutMs);
      s.setSoTimeout(timeoutMs);
      OutputStream o = s.getOutputStream();
      o.write(("POST " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      o.write(body);
      o.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        System.out.write(buf, 0, n);
        System.out.flush();
        received += n;
      }
      ended = "eof";
    } catch (SocketTimeoutException e) {
      ended = received == 0 && e.getMessage() != null && e.getMessage().contains("connect")
          ? "connect_timeout" : "timeout";
    } catch (java.net.ConnectException e) {
      ended = "refused";
    } catch (SocketException e) {
      ended = String.valueOf(e.getMessage()).toLowerCase().contains("reset") ? "reset" : "error";
    } catch (IOException e) {
      ended = "error";
    }
    System.out.flush();
    err.println("ended=" + ended + " bytes=" + received);
    err.flush();
    return ended.equals("eof") ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}

package io.streamdoctor.lab.stream;

import io.streamdoctor.lab.FaultSpec;
import io.streamdoctor.lab.LabLog;
import io.streamdoctor.lab.http.Exchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An HTTP error instead of a stream, shaped like the site's own (RFC 9110 §15). */
public final class HttpErrors {
  private HttpErrors() {}

  public static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Content Too Large";
      case 426 -> "Upgrade Required";
      case 431 -> "Request Header Fields Too Large";
      case 501 -> "Not Implemented";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status < 500 ? "Client Error" : "Server Error";
    };
  }

  static String errorType(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      case 503, 529 -> "overloaded_error";
      case 504 -> "gateway_timeout";
      default -> status < 500 ? "invalid_request_error" : "api_error";
    };
  }

  /**
   * Answers {@code spec.status()}. 429/503 carry Retry-After (RFC 9110 §10.2.3); 401/403 also
   * expire the lab's session cookie, as a logged-out site does.
   */
  public static void send(Exchange ex, SseDialect dialect, FaultSpec spec, LabLog.Entry log)
      throws IOException {
    int status = spec.status();
    List<String> headers = new ArrayList<>();
    if (status == 429 || status == 503) {
      headers.add("Retry-After: " + spec.retryAfterS());
    }
    if (status == 401 || status == 403) {
      headers.add("Set-Cookie: sd_lab_session=; Path=/; Max-Age=0");
    }
    String body = dialect.errorBody(status, errorType(status), reason(status));
    log.status(status);
    log.end("http_" + status); // before the bytes go: a client that got them finds the entry done
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    headers.add(0, "Content-Type: application/json");
    headers.add(1, "Content-Length: " + b.length);
    try {
      ex.head(status, reason(status), headers.toArray(new String[0]));
      ex.write(b);
      ex.finish();
    } finally {
      log.bytesSent(ex.bytesSent());
    }
  }
}

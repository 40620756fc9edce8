package io.streamdoctor.net;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * An HTTP client built on first use. Building a JDK HttpClient initialises the TLS stack and
 * starts a selector thread: several MiB of resident memory and ~100 ms of CPU that a host
 * session without a break never needs (measured by bench/ingest.sh).
 */
public final class LazyHttp implements Supplier<HttpClient> {
  private final Supplier<HttpClient> build;
  private volatile HttpClient client;

  public LazyHttp(Supplier<HttpClient> build) {
    this.build = build;
  }

  @Override
  public HttpClient get() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client = build.get();
        }
        c = client;
      }
    }
    return c;
  }
}

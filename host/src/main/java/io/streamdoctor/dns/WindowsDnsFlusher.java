package io.streamdoctor.dns;

import java.util.List;

/**
 * Windows: {@code DnsFlushResolverCache()} in dnsapi.dll (undocumented, no arguments, returns
 * BOOL) — what {@code ipconfig /flushdns} calls. Any user may call it. The native call is injected
 * so this class stays free of JNA and testable anywhere.
 */
public final class WindowsDnsFlusher implements DnsFlusher {
  static final List<String> CALL = List.of("dnsapi.dll!DnsFlushResolverCache()");

  /** The native call: true on success; throws {@link UnsupportedOperationException} if unavailable. */
  public interface NativeFlush {
    boolean flushResolverCache();
  }

  private final NativeFlush call;

  public WindowsDnsFlusher(NativeFlush call) {
    this.call = call;
  }

  @Override
  public FlushResult flush(boolean dryRun) {
    FlushStep step;
    if (dryRun) {
      step = new FlushStep("DNS Client (Dnscache) cache", CALL, "would_run", null);
    } else {
      try {
        step = call.flushResolverCache()
            ? new FlushStep("DNS Client (Dnscache) cache", CALL, "flushed", null)
            : new FlushStep("DNS Client (Dnscache) cache", CALL, "failed", "DnsFlushResolverCache returned FALSE");
      } catch (UnsupportedOperationException | LinkageError e) {
        step = new FlushStep("DNS Client (Dnscache) cache", CALL, "failed",
            "dnsapi.dll could not be called: " + e.getMessage() + "; run 'ipconfig /flushdns' instead");
      }
    }
    return new FlushResult("windows", dryRun, List.of(step), List.of());
  }
}

package io.streamdoctor.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the host reads from the operating system, behind one interface with one
 * implementation per OS (chosen by {@code os.name}). Methods never throw: what cannot be read is
 * empty, and {@link #limitations()} says why in words a user can act on.
 */
public interface Platform {
  String name();

  /** Interfaces, default routes and DNS servers, read cheaply enough to poll twice a second. */
  NetState netState();

  Optional<TcpCounters> tcpCounters();

  /** Every system proxy source that is configured on this machine (empty: none found). */
  List<ProxySetting> systemProxies();

  List<WifiReading> wifi();

  /** The DNS cache flush for this OS. */
  io.streamdoctor.dns.DnsFlusher dnsFlusher();

  /**
   * Where the OS can push change notifications, calls {@code trigger} on each (the monitor then
   * re-reads at once). The default is polling only.
   */
  default AutoCloseable watchChanges(Runnable trigger) {
    return () -> {};
  }

  /** Sources that could not be read here (missing native library, command, permission). */
  List<String> limitations();

  static Platform current() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return new WindowsPlatform();
    }
    if (os.startsWith("mac")) {
      return new MacPlatform(new ProcessRunner());
    }
    return LinuxPlatform.system();
  }
}

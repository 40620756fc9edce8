package io.streamdoctor.platform;

import io.streamdoctor.dns.DnsFlusher;
import io.streamdoctor.dns.WindowsDnsFlusher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Windows through the IP Helper, WinHTTP and DNS APIs (JNA). If the native side cannot load (no
 * JNA native library for this architecture, a locked-down machine) the platform still works from
 * the JDK and {@code ipconfig /all}, and {@link #limitations()} says what is missing.
 */
public final class WindowsPlatform implements Platform {
  private static final Logger LOG = Logger.getLogger(WindowsPlatform.class.getName());
  static final long SLOW_REFRESH_MS = 3_000;

  private final WindowsApi api;
  private final String apiProblem;
  private final Cached<IpconfigParser.Result> ipconfig;

  public WindowsPlatform() {
    this(loadApi(), new ProcessRunner());
  }

  WindowsPlatform(Object apiOrProblem, CommandRunner runner) {
    this.api = apiOrProblem instanceof WindowsApi w ? w : null;
    this.apiProblem = api == null ? String.valueOf(apiOrProblem) : null;
    this.ipconfig = new Cached<>(SLOW_REFRESH_MS, () -> {
      CommandRunner.Result r = runner.run(List.of("ipconfig", "/all"), Duration.ofSeconds(5));
      return IpconfigParser.parse(r.ok() ? r.stdout() : "");
    });
  }

  /** The JNA binding, or the reason it could not load (a String). */
  static Object loadApi() {
    try {
      return new JnaWindowsApi();
    } catch (LinkageError | RuntimeException e) {
      LOG.warning("Windows native APIs unavailable: " + e);
      return "native Windows APIs unavailable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public String name() {
    return "windows";
  }

  @Override
  public NetState netState() {
    IpconfigParser.Result ip = ipconfig.get();
    List<String> dns = ip.dnsServers();
    if (api != null) {
      try {
        dns = api.dnsServers();
      } catch (RuntimeException | LinkageError e) {
        LOG.fine("GetNetworkParams failed: " + e);
      }
    }
    return new NetState(JavaAddresses.interfaces(), ip.defaultRoutes(), dns);
  }

  @Override
  public Optional<TcpCounters> tcpCounters() {
    return guarded(() -> api.tcpStatistics(), Optional.empty());
  }

  @Override
  public List<ProxySetting> systemProxies() {
    Optional<WindowsApi.IeProxyConfig> ie = guarded(() -> api.ieProxyConfig(), Optional.empty());
    if (ie.isPresent()) {
      WindowsApi.IeProxyConfig c = ie.get();
      return List.of(WindowsProxyParser.fromIeConfig(c.autoDetect(), c.autoConfigUrl(), c.proxy()));
    }
    Map<String, Object> reg = guarded(() -> api.internetSettings(), Map.of());
    return reg.isEmpty() ? List.of() : List.of(WindowsProxyParser.fromRegistry(reg, false));
  }

  @Override
  public List<WifiReading> wifi() {
    // WlanQueryInterface (wlanapi.dll) would give signal quality; not bound yet.
    return List.of();
  }

  @Override
  public DnsFlusher dnsFlusher() {
    return new WindowsDnsFlusher(() -> {
      if (api == null) {
        throw new UnsupportedOperationException(apiProblem);
      }
      return api.flushResolverCache();
    });
  }

  @Override
  public AutoCloseable watchChanges(Runnable trigger) {
    return guarded(() -> api.onInterfaceChange(trigger), () -> {});
  }

  @Override
  public List<String> limitations() {
    List<String> out = new ArrayList<>();
    if (api == null) {
      out.add(apiProblem + ": no TCP retransmission rate, proxy or DNS flush through the API");
    }
    out.add("Wi-Fi signal quality is not read on Windows yet");
    return out;
  }

  private interface Call<T> {
    T get();
  }

  private <T> T guarded(Call<T> call, T fallback) {
    if (api == null) {
      return fallback;
    }
    try {
      return call.get();
    } catch (RuntimeException | LinkageError e) {
      LOG.fine("Windows API call failed: " + e);
      return fallback;
    }
  }
}

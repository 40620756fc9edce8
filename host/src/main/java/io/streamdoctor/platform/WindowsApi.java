package io.streamdoctor.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Windows calls StreamDoctor makes, as plain Java. {@link JnaWindowsApi} binds them with JNA;
 * tests use fakes. Every method may throw {@link UnsupportedOperationException} when the native
 * side is unavailable.
 */
public interface WindowsApi {
  /** GetTcpStatistics (iphlpapi.dll), IPv4. */
  Optional<TcpCounters> tcpStatistics();

  /** GetNetworkParams (iphlpapi.dll): the DnsServerList. */
  List<String> dnsServers();

  /** WinHttpGetIEProxyConfigForCurrentUser (winhttp.dll): the user's WinINet proxy. */
  record IeProxyConfig(boolean autoDetect, String autoConfigUrl, String proxy) {}

  Optional<IeProxyConfig> ieProxyConfig();

  /** HKCU\...\Internet Settings values (the fallback when WinHTTP is unavailable). */
  Map<String, Object> internetSettings();

  /** DnsFlushResolverCache (dnsapi.dll). */
  boolean flushResolverCache();

  /**
   * NotifyIpInterfaceChange (iphlpapi.dll): calls {@code onChange} from a system thread whenever
   * an interface changes, so the monitor re-reads at once instead of waiting for its next poll.
   */
  AutoCloseable onInterfaceChange(Runnable onChange);
}

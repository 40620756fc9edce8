package io.streamdoctor.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.IPHlpAPI;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JNA bindings. Loading this class loads the native libraries: construct it inside a
 * try/catch of {@link LinkageError} (see {@link WindowsPlatform}).
 */
final class JnaWindowsApi implements WindowsApi {
  private static final int NO_ERROR = 0;
  private static final int ERROR_BUFFER_OVERFLOW = 111;
  private static final short AF_UNSPEC = 0;
  private static final String INTERNET_SETTINGS =
      "Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";

  /** Hand bindings for what jna-platform does not wrap. */
  // StdCallLibrary: WINAPI functions are __stdcall on 32-bit Windows (on x64 it makes no difference).
  interface Dnsapi extends StdCallLibrary {
    boolean DnsFlushResolverCache();
  }

  interface WinHttp extends StdCallLibrary {
    boolean WinHttpGetIEProxyConfigForCurrentUser(IeConfig config);
  }

  interface IpHlp extends StdCallLibrary {
    int NotifyIpInterfaceChange(short family, ChangeCallback cb, Pointer ctx, boolean initial, PointerByReference handle);

    int CancelMibChangeNotify2(Pointer handle);
  }

  interface ChangeCallback extends StdCallLibrary.StdCallCallback {
    void invoke(Pointer ctx, Pointer row, int type);
  }

  /** WINHTTP_CURRENT_USER_IE_PROXY_CONFIG; the strings are freed with GlobalFree. */
  @Structure.FieldOrder({"fAutoDetect", "lpszAutoConfigUrl", "lpszProxy", "lpszProxyBypass"})
  public static final class IeConfig extends Structure {
    public boolean fAutoDetect;
    public Pointer lpszAutoConfigUrl;
    public Pointer lpszProxy;
    public Pointer lpszProxyBypass;
  }

  private final Dnsapi dnsapi = Native.load("dnsapi", Dnsapi.class);
  private final WinHttp winhttp = Native.load("winhttp", WinHttp.class);
  private final IpHlp iphlp = Native.load("iphlpapi", IpHlp.class);

  @Override
  public Optional<TcpCounters> tcpStatistics() {
    IPHlpAPI.MIB_TCPSTATS stats = new IPHlpAPI.MIB_TCPSTATS();
    if (IPHlpAPI.INSTANCE.GetTcpStatistics(stats) != NO_ERROR) {
      return Optional.empty();
    }
    // DWORD counters: read unsigned.
    return Optional.of(new TcpCounters(Integer.toUnsignedLong(stats.dwOutSegs), Integer.toUnsignedLong(stats.dwRetransSegs)));
  }

  @Override
  public List<String> dnsServers() {
    IntByReference size = new IntByReference(0);
    if (IPHlpAPI.INSTANCE.GetNetworkParams(null, size) != ERROR_BUFFER_OVERFLOW) {
      return List.of();
    }
    Memory buf = new Memory(size.getValue());
    if (IPHlpAPI.INSTANCE.GetNetworkParams(buf, size) != NO_ERROR) {
      return List.of();
    }
    IPHlpAPI.FIXED_INFO info = new IPHlpAPI.FIXED_INFO(buf);
    List<String> out = new ArrayList<>();
    for (IPHlpAPI.IP_ADDR_STRING a = info.DnsServerList; a != null; a = a.Next) {
      String s = Native.toString(a.IpAddress.String).trim();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public Optional<IeProxyConfig> ieProxyConfig() {
    IeConfig c = new IeConfig();
    if (!winhttp.WinHttpGetIEProxyConfigForCurrentUser(c)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IeProxyConfig(c.fAutoDetect, wide(c.lpszAutoConfigUrl), wide(c.lpszProxy)));
    } finally {
      for (Pointer p : new Pointer[] {c.lpszAutoConfigUrl, c.lpszProxy, c.lpszProxyBypass}) {
        if (p != null) {
          Kernel32.INSTANCE.GlobalFree(p);
        }
      }
    }
  }

  private static String wide(Pointer p) {
    return p == null ? null : p.getWideString(0);
  }

  @Override
  public Map<String, Object> internetSettings() {
    return Advapi32Util.registryGetValues(WinReg.HKEY_CURRENT_USER, INTERNET_SETTINGS);
  }

  @Override
  public boolean flushResolverCache() {
    return dnsapi.DnsFlushResolverCache();
  }

  @Override
  public AutoCloseable onInterfaceChange(Runnable onChange) {
    // Keep a strong reference: a collected callback crashes the process when Windows calls it.
    ChangeCallback cb = (ctx, row, type) -> onChange.run();
    PointerByReference handle = new PointerByReference();
    if (iphlp.NotifyIpInterfaceChange(AF_UNSPEC, cb, null, false, handle) != NO_ERROR) {
      return () -> {};
    }
    return () -> {
      iphlp.CancelMibChangeNotify2(handle.getValue());
      java.lang.ref.Reference.reachabilityFence(cb);
    };
  }

}

package io.streamdoctor.platform;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of the parts of the OS network state whose changes break streams. */
public record NetState(Map<String, NetIface> ifaces, List<DefaultRoute> defaultRoutes, List<String> dnsServers) {
  public NetState {
    ifaces = new TreeMap<>(ifaces);
    defaultRoutes = List.copyOf(defaultRoutes);
    dnsServers = List.copyOf(dnsServers);
  }

  public static NetState empty() {
    return new NetState(Map.of(), List.of(), List.of());
  }
}

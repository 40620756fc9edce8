package io.streamdoctor.evidence;

/**
 * The operating system's network changed. {@code kind}: iface_up, iface_down, addr_added,
 * addr_removed, default_route, vpn_up, vpn_down, dns_servers. {@code iface} may be null (DNS
 * servers); {@code detail} is short and machine-made (an address, "via 10.0.0.1 dev eth0").
 */
public record NetworkChange(double ts, String kind, String iface, String detail) implements Evidence {
  @Override
  public NetworkChange withTs(double t) {
    return new NetworkChange(t, kind, iface, detail);
  }

  @Override
  public String missingField() {
    return kind == null ? "kind" : null;
  }
}

package io.streamdoctor.platform;

/** A default route: the interface it leaves through and its gateway (null when on-link). */
public record DefaultRoute(String iface, String gateway) {
  public String describe() {
    return (gateway == null ? "on-link" : "via " + gateway) + " dev " + iface;
  }
}

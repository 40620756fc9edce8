package io.streamdoctor.evidence;

/** Wi-Fi link quality (0..1 of the driver's scale) and signal level, where the OS exposes them. */
public record WifiQuality(double ts, String iface, Double linkQuality, Double signalDbm) implements Evidence {
  @Override
  public WifiQuality withTs(double t) {
    return new WifiQuality(t, iface, linkQuality, signalDbm);
  }
}

package io.streamdoctor.platform;

/** Wi-Fi link quality in 0..1 and signal in dBm; either may be null when the OS does not say. */
public record WifiReading(String iface, Double quality, Double signalDbm) {}

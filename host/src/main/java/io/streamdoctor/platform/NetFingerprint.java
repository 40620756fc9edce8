package io.streamdoctor.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A hashed fingerprint of the network a break happened on (its default gateways), so history can
 * see breaks cluster on one network without storing any address (privacy rule).
 */
public final class NetFingerprint {
  private NetFingerprint() {}

  public static String of(NetState state) {
    if (state == null || state.defaultRoutes().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (DefaultRoute r : state.defaultRoutes()) {
      parts.add(r.iface() + "|" + r.gateway());
    }
    Collections.sort(parts);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(String.join(",", parts).getBytes(StandardCharsets.UTF_8));
      return "net_" + HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }
}

package io.streamdoctor.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Windows {@code ipconfig /all} (English output): per adapter "DNS Servers . . . : ADDR" with
 * continuation lines holding only an address, and "Default Gateway . . . : ADDR". Used as the
 * fallback when the IP Helper API cannot be loaded; the adapter name is the section header.
 */
public final class IpconfigParser {
  public record Result(List<String> dnsServers, List<DefaultRoute> defaultRoutes) {}

  private IpconfigParser() {}

  public static Result parse(String output) {
    List<String> dns = new ArrayList<>();
    List<DefaultRoute> routes = new ArrayList<>();
    String adapter = null;
    String continuing = null;
    for (String raw : output.replace("\r", "").split("\n")) {
      if (!raw.isEmpty() && !Character.isWhitespace(raw.charAt(0)) && raw.trim().endsWith(":")) {
        adapter = raw.trim().replaceAll(":$", "").replaceFirst("^.*adapter ", "");
        continuing = null;
        continue;
      }
      int colon = raw.indexOf(" : ");
      String key = colon > 0 ? raw.substring(0, colon).replace(".", "").trim() : null;
      String value = colon > 0 ? raw.substring(colon + 3).trim() : raw.trim();
      if (key != null) {
        continuing = key;
      }
      if (value.isEmpty() || !looksLikeAddress(value)) {
        continue;
      }
      value = value.replaceAll("%\\d+$", "").replaceAll("\\(Preferred\\)", "");
      if ("DNS Servers".equals(continuing) && !dns.contains(value)) {
        dns.add(value);
      } else if ("Default Gateway".equals(continuing) && adapter != null) {
        routes.add(new DefaultRoute(adapter, value));
      }
    }
    return new Result(dns, routes);
  }

  private static boolean looksLikeAddress(String v) {
    return v.matches("[0-9a-fA-F:.%]+(\\(Preferred\\))?") && (v.contains(".") || v.contains(":"));
  }
}

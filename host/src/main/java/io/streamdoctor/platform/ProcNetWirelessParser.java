package io.streamdoctor.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Linux {@code /proc/net/wireless}: two header lines, then "wlan0: 0000   54.  -56.  -256 ...":
 * status, link quality (out of 70 on most drivers), signal level in dBm, noise. The trailing dots
 * mark values updated since the last read.
 */
public final class ProcNetWirelessParser {
  /** The usual maximum of the link column (iwlwifi, ath9k, mac80211 drivers). */
  static final double LINK_MAX = 70.0;

  private ProcNetWirelessParser() {}

  public static List<WifiReading> parse(String text) {
    List<WifiReading> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.contains("|")) {
        continue;
      }
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (f.length < 3) {
        continue;
      }
      try {
        double link = Double.parseDouble(f[1].replace(".", ""));
        double level = Double.parseDouble(f[2].replace(".", ""));
        // Some drivers report the level as unsigned 8-bit (e.g. 200 for -56 dBm).
        Double dbm = level > 0 && level <= 255 ? level - 256 : level;
        out.add(new WifiReading(line.substring(0, colon).trim(), Math.min(1.0, link / LINK_MAX), dbm));
      } catch (NumberFormatException e) {
        // Not a data line.
      }
    }
    return out;
  }
}

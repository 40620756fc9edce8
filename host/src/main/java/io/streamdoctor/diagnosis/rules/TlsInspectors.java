package io.streamdoctor.diagnosis.rules;

import java.util.regex.Pattern;

/**
 * Issuer names of TLS-inspecting products: antivirus web shields, corporate proxies and secure web
 * gateways re-sign every site with a root of their own, whose name says what it is. Chromium keeps
 * such a list for the same reason (components/security_interstitials: "known MITM software" in its
 * SSL error assistant). A certificate for a chat host issued by one of these is interception,
 * whichever trust store holds its root.
 */
final class TlsInspectors {
  private static final Pattern KNOWN = Pattern.compile(
      "\\b(?:(?:TLS|SSL|HTTPS)[ -]?(?:Inspection|Interception|Filter(?:ing)?|Scan(?:ning)?|Decryption)"
          + "|Web ?Shield|Mail ?Shield|Forward[ -]Trust|Kaspersky|ESET|Avast|AVG|Bitdefender|Norton"
          + "|Sophos|Forti(?:net|Gate)|Zscaler|Netskope|Palo ?Alto|Blue ?Coat|Umbrella|McAfee"
          + "|Check ?Point|Forcepoint|Websense|Barracuda|WatchGuard|SonicWall|Cisco|Smoothwall"
          + "|Lightspeed|Securly|GoGuardian|iboss|Untangle|Kerio)\\b",
      Pattern.CASE_INSENSITIVE);

  private TlsInspectors() {}

  static boolean named(String issuer) {
    return issuer != null && KNOWN.matcher(issuer).find();
  }
}

package io.streamdoctor.lab.dns;

import java.net.InetAddress;
import java.util.Locale;

/**
 * What the lab DNS server does for one name: answer (truthfully or not — a lie is an answer with
 * the wrong address), NXDOMAIN, SERVFAIL, or nothing at all (a dead resolver).
 *
 * @param action what to do
 * @param address the A/AAAA answer for {@link Action#ANSWER}
 */
public record DnsRule(Action action, InetAddress address) {
  public enum Action { ANSWER, NXDOMAIN, SERVFAIL, DROP }

  public static DnsRule answer(InetAddress a) {
    return new DnsRule(Action.ANSWER, a);
  }

  public static DnsRule of(Action a) {
    if (a == Action.ANSWER) {
      throw new IllegalArgumentException("an answer needs an address");
    }
    return new DnsRule(a, null);
  }

  /**
   * Parses the command-line form: {@code NAME=IP}, {@code NAME=nxdomain}, {@code NAME=servfail} or
   * {@code NAME=drop}. The IP must be a literal: the lab never resolves anything itself.
   */
  public static java.util.Map.Entry<String, DnsRule> parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("expected NAME=IP|nxdomain|servfail|drop, got '" + spec + "'");
    }
    String name = normalise(spec.substring(0, eq));
    String what = spec.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
    DnsRule rule = switch (what) {
      case "nxdomain" -> of(Action.NXDOMAIN);
      case "servfail" -> of(Action.SERVFAIL);
      case "drop" -> of(Action.DROP);
      default -> answer(literal(what));
    };
    return java.util.Map.entry(name, rule);
  }

  /** Lower case, no trailing dot: the key the server looks names up by. */
  public static String normalise(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static InetAddress literal(String s) {
    // Only dotted quads and forms with ':' (IPv6) reach getByName, which then parses, never resolves.
    if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !s.contains(":")) {
      throw new IllegalArgumentException("'" + s + "' is not an IP literal");
    }
    try {
      return InetAddress.getByName(s); // a literal: parsed, never looked up
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("'" + s + "' is not an IP literal");
    }
  }
}

package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.evidence.NetworkChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the OS monitors (net.NetDiff) say the machine's link looks like after a break. A machine
 * that lost its default route and has not got one back is offline; one whose route moved (or came
 * back) changed networks. Offline and changed are told apart by the state after the break, not by
 * the kind of the first event: an interface going down is both, until we see what follows.
 */
final class OsLink {
  private OsLink() {}

  /**
   * The change that took the default route away ({@code default_route} to "none") at most
   * {@code beforeMs} before the break, when no later change brought a route back; null otherwise.
   * The monitor's start-up {@code no_default_route} is a fact, not a change (NetDiff#baseline): a
   * machine that never had a default route (an isolated namespace, a host-only network) did not
   * go offline.
   */
  static NetworkChange routeGone(BreakContext ctx, double beforeMs) {
    NetworkChange gone = null;
    for (NetworkChange c : sorted(ctx)) {
      if (c.ts() < ctx.breakTs() - beforeMs) {
        continue;
      }
      if (isRouteGone(c)) {
        gone = gone == null ? c : gone;
      } else if ("default_route".equals(c.kind())) {
        gone = null; // a default route is back: a flap or a move, network.changed's territory
      }
    }
    return gone;
  }

  /** Interfaces that went down from {@code beforeMs} before the break and did not come back up. */
  static List<NetworkChange> staysDown(BreakContext ctx, double beforeMs) {
    List<NetworkChange> down = new ArrayList<>();
    for (NetworkChange c : sorted(ctx)) {
      if (c.ts() < ctx.breakTs() - beforeMs || c.iface() == null) {
        continue;
      }
      if ("iface_down".equals(c.kind())) {
        down.add(c);
      } else if ("iface_up".equals(c.kind())) {
        down.removeIf(d -> d.iface().equals(c.iface()));
      }
    }
    return down;
  }

  static boolean isRouteGone(NetworkChange c) {
    return "default_route".equals(c.kind()) && (c.detail() == null || "none".equals(c.detail()));
  }

  private static List<NetworkChange> sorted(BreakContext ctx) {
    List<NetworkChange> all = new ArrayList<>(ctx.all(NetworkChange.class));
    all.sort(Comparator.comparingDouble(NetworkChange::ts));
    return all;
  }
}

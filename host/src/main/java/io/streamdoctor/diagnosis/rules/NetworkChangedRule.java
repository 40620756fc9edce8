package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.Connectivity;
import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.evidence.RequestError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chrome aborts HTTP/2 streams with ERR_NETWORK_CHANGED when an interface goes up or down. A
 * change minutes before the break is not evidence: only the last {@value #WINDOW_BEFORE_MS} ms
 * count.
 */
public final class NetworkChangedRule implements Rule {
  static final double WINDOW_BEFORE_MS = 15_000;
  static final double WINDOW_AFTER_MS = 5_000;
  /** OS changes that ended with no default route: a runner-up to network.offline (0.9). */
  static final double OFFLINE_NOT_CHANGE = 0.5;

  /** NetDiff kinds that move traffic; vpn_present is a start-up fact, not a change. */
  static final Set<String> MEANINGFUL = Set.of("iface_up", "iface_down", "addr_added", "addr_removed",
      "default_route", "vpn_up", "vpn_down", "dns_servers");

  static String describe(NetworkChange c) {
    String what = switch (c.kind()) {
      case "iface_up" -> "interface " + c.iface() + " came up";
      case "iface_down" -> "interface " + c.iface() + " went down";
      case "addr_added" -> "address " + c.detail() + " added on " + c.iface();
      case "addr_removed" -> "address " + c.detail() + " removed from " + c.iface();
      case "default_route" -> "the default route changed (" + c.detail() + ")";
      case "vpn_up" -> "VPN interface " + c.iface() + " came up";
      case "vpn_down" -> "VPN interface " + c.iface() + " went down";
      case "dns_servers" -> "the DNS servers changed to " + c.detail();
      default -> c.kind();
    };
    return what;
  }

  @Override
  public String cause() {
    return Causes.NETWORK_CHANGED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    List<EvidenceLine> against = new ArrayList<>();
    double confidence = 0;
    for (RequestError e : ctx.near(RequestError.class, WINDOW_BEFORE_MS, WINDOW_AFTER_MS)) {
      boolean ours = ctx.streamRequestErrors().contains(e) || ctx.pageRequestErrors(WINDOW_BEFORE_MS, WINDOW_AFTER_MS).contains(e);
      if (ours && NetErrors.kind(e.error()) == NetErrors.Kind.NETWORK_CHANGED) {
        lines.add(ctx.line(e, "the browser aborted " + e.url() + " with " + Verdicts.errorCode(e.error())));
        confidence = 0.9;
      }
    }
    boolean offline = false;
    for (Connectivity c : ctx.near(Connectivity.class, WINDOW_BEFORE_MS, WINDOW_AFTER_MS)) {
      if (!c.online()) {
        offline = true;
      } else if (offline) {
        lines.add(ctx.line(c, "the connection flapped: offline, then online again"));
        confidence = Math.max(confidence, 0.7) + (confidence > 0 ? 0.03 : 0);
      }
    }
    // Offline versus changed is decided by the state after the break: a default route that is
    // gone and stays gone is the machine going offline (OfflineRule), so the interface and route
    // events that took it there only support a change, they do not decide it.
    NetworkChange gone = OsLink.routeGone(ctx, WINDOW_BEFORE_MS);
    for (NetworkChange c : ctx.near(NetworkChange.class, WINDOW_BEFORE_MS, WINDOW_AFTER_MS)) {
      if (MEANINGFUL.contains(c.kind())) {
        lines.add(ctx.line(c, "the system reported " + describe(c)));
        confidence = gone != null ? Math.max(confidence, OFFLINE_NOT_CHANGE)
            : Math.max(confidence, 0.85) + (confidence >= 0.85 ? 0.04 : 0);
      }
    }
    if (gone != null && !lines.isEmpty()) {
      confidence = Math.min(confidence, 0.85); // below network.offline's 0.9 for the same event
      against.add(ctx.line(gone, "the default route is gone and has not come back: the machine went offline"
          + " rather than moving to another network"));
    }
    for (NetworkChange c : ctx.all(NetworkChange.class)) {
      if (MEANINGFUL.contains(c.kind()) && c.ts() < ctx.breakTs() - WINDOW_BEFORE_MS
          && c.ts() > ctx.breakTs() - 3_600_000) {
        against.add(ctx.line(c, describe(c) + ": too long before the break to have cut this stream"));
      }
    }
    for (RequestError e : ctx.all(RequestError.class)) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.NETWORK_CHANGED && e.ts() < ctx.breakTs() - WINDOW_BEFORE_MS) {
        against.add(ctx.line(e, "a network change this long before the break is not its cause"));
      }
    }
    if (lines.isEmpty()) {
      if (!against.isEmpty()) {
        long ago = -against.stream().mapToLong(EvidenceLine::atMs).max().getAsLong() / 1000;
        return Verdicts.ruledOut(cause(), "the last network change was " + ago
            + " s before the break, too long before to have cut this stream");
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, against, Remedies.REGENERATE, Remedies.STABILIZE_LINK);
  }
}

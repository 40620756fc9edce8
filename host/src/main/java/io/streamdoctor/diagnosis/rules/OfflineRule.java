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

/**
 * The machine lost its connection. An offline event that is followed by online again is a flap
 * (network.changed's territory) and only weak evidence here. The OS monitors decide it too: a
 * default route that disappeared around the break and has not come back (OsLink) is a machine
 * that is offline, whatever interface event came first.
 */
public final class OfflineRule implements Rule {
  static final double WINDOW_BEFORE_MS = 30_000;
  static final double WINDOW_AFTER_MS = 5_000;

  @Override
  public String cause() {
    return Causes.NETWORK_OFFLINE;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    List<Connectivity> changes = ctx.near(Connectivity.class, WINDOW_BEFORE_MS, WINDOW_AFTER_MS);
    Connectivity lastOffline = null;
    Connectivity backOnline = null;
    for (Connectivity c : changes) {
      if (!c.online()) {
        lastOffline = c;
        backOnline = null;
      } else if (lastOffline != null) {
        backOnline = c;
      }
    }
    if (lastOffline != null) {
      lines.add(ctx.line(lastOffline, "the browser went offline"));
      confidence = backOnline == null ? 0.9 : 0.45;
      if (backOnline != null) {
        lines.add(ctx.line(backOnline, "the browser was back online"));
      }
    }
    NetworkChange gone = OsLink.routeGone(ctx, WINDOW_BEFORE_MS);
    if (gone != null) {
      for (NetworkChange down : OsLink.staysDown(ctx, WINDOW_BEFORE_MS)) {
        lines.add(ctx.line(down, "interface " + down.iface() + " went down and stayed down"));
      }
      lines.add(ctx.line(gone, "the system lost its default route and has not got one back: this machine is offline"));
      confidence = Math.max(confidence, 0.9);
    }
    for (RequestError e : ctx.streamRequestErrors()) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.OFFLINE) {
        lines.add(ctx.line(e, "the stream failed with " + Verdicts.errorCode(e.error())));
        confidence = Math.max(confidence, 0.95);
      }
    }
    if (lines.isEmpty()) {
      if (changes.isEmpty()) {
        return Verdicts.ruledOut(cause(), "the browser reported no loss of connectivity around the break");
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.CHECK_NETWORK, Remedies.REGENERATE);
  }

  /** The browser reported offline in the window and not online again since. */
  static boolean browserOffline(BreakContext ctx) {
    boolean offline = false;
    for (Connectivity c : ctx.near(Connectivity.class, WINDOW_BEFORE_MS, Double.MAX_VALUE)) {
      offline = !c.online();
    }
    return offline;
  }
}

package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.TcpProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * ERR_BLOCKED_BY_CLIENT on the stream or on one of the page's scripts. The same error on an
 * analytics or ad URL is not the stream's and only rules this cause out. Brave Shields blocks are
 * invisible to extensions (no webRequest error), which the report says. Firefox reports an add-on's
 * block as NS_ERROR_ABORT, a code other internal cancels share: it counts only while an installed
 * add-on can block the site, and with less confidence.
 */
public final class BlockedByExtensionRule implements Rule {
  @Override
  public String cause() {
    return Causes.EXTENSION_BLOCKED_REQUEST;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    List<RequestError> ours = new ArrayList<>(ctx.streamRequestErrors());
    ours.addAll(ctx.pageRequestErrors(60_000, 5_000));
    List<String> suspects = Suspects.blockers(ctx.all(ExtensionInventory.class));
    boolean onlyCancelled = true;
    for (RequestError e : ours) {
      if (blocked(e, suspects) && !lines.contains(ctx.line(e, text(e)))) {
        lines.add(ctx.line(e, text(e)));
        onlyCancelled &= NetErrors.kind(e.error()) == NetErrors.Kind.CANCELLED;
      }
    }
    if (lines.isEmpty() && ctx.stream().wsFailedBeforeOpen()) {
      RuleResult suspected = wsSuspect(ctx);
      if (suspected != null) {
        return suspected;
      }
    }
    if (lines.isEmpty()) {
      for (RequestError e : ctx.near(RequestError.class, 60_000, 5_000)) {
        if (blocked(e, suspects)) {
          return Verdicts.ruledOut(cause(), "an extension blocked " + e.url()
              + ", which is not the stream or the page's scripts");
        }
      }
      return Verdicts.silent(cause());
    }
    if (!suspects.isEmpty()) {
      lines.add(ctx.lineAtBreak("extensions that can block this site: " + String.join(", ", suspects)));
    }
    return Verdicts.found(cause(), onlyCancelled ? 0.9 : 0.96, lines, Remedies.DISABLE_EXTENSION, Remedies.ISOLATED_PROFILE);
  }

  private static boolean blocked(RequestError e, List<String> suspects) {
    NetErrors.Kind k = NetErrors.kind(e.error());
    return k == NetErrors.Kind.BLOCKED_BY_CLIENT || (k == NetErrors.Kind.CANCELLED && !suspects.isEmpty());
  }

  /**
   * A WebSocket that failed before opening while a fresh connection to its host works and the
   * server did not refuse the upgrade: an extension that can block requests is a plausible, not a
   * proven, culprit (declarativeNetRequest blocks need no host permission, so any blocker counts).
   */
  private RuleResult wsSuspect(BreakContext ctx) {
    TcpProbe tcp = Probes.of(ctx).tcp();
    Integer upgrade = Probes.of(ctx).wsUpgradeStatus();
    List<String> suspects = Suspects.anyBlocker(ctx.all(ExtensionInventory.class));
    if (tcp == null || !"ok".equals(tcp.outcome()) || suspects.isEmpty() || (upgrade != null && upgrade >= 400)) {
      return null;
    }
    List<EvidenceLine> lines = new ArrayList<>();
    lines.add(ctx.line(ctx.stream().end(), "the WebSocket failed before it opened, with no error from the browser"));
    lines.add(ctx.line(tcp, "a fresh connection to " + tcp.host() + ":" + tcp.port() + " succeeded"));
    lines.add(ctx.lineAtBreak("extensions that can block requests: " + String.join(", ", suspects)));
    return Verdicts.found(cause(), 0.4, lines, Remedies.DISABLE_EXTENSION, Remedies.ISOLATED_PROFILE);
  }

  private static String text(RequestError e) {
    return "an extension blocked " + e.url() + " (" + Verdicts.errorCode(e.error()) + ")";
  }
}

package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.RequestError;
import java.util.ArrayList;
import java.util.List;

/**
 * ERR_BLOCKED_BY_CLIENT on the stream or on one of the page's scripts. The same error on an
 * analytics or ad URL is not the stream's and only rules this cause out. Brave Shields blocks are
 * invisible to extensions (no webRequest error), which the report says.
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
    for (RequestError e : ours) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.BLOCKED_BY_CLIENT && !lines.contains(ctx.line(e, text(e)))) {
        lines.add(ctx.line(e, text(e)));
      }
    }
    if (lines.isEmpty()) {
      for (RequestError e : ctx.near(RequestError.class, 60_000, 5_000)) {
        if (NetErrors.kind(e.error()) == NetErrors.Kind.BLOCKED_BY_CLIENT) {
          return Verdicts.ruledOut(cause(), "an extension blocked " + e.url()
              + ", which is not the stream or the page's scripts");
        }
      }
      return Verdicts.silent(cause());
    }
    List<String> suspects = Suspects.blockers(ctx.all(ExtensionInventory.class));
    if (!suspects.isEmpty()) {
      lines.add(ctx.lineAtBreak("extensions that can block this site: " + String.join(", ", suspects)));
    }
    return Verdicts.found(cause(), 0.96, lines, Remedies.DISABLE_EXTENSION, Remedies.ISOLATED_PROFILE);
  }

  private static String text(RequestError e) {
    return "an extension blocked " + e.url() + " (" + Verdicts.errorCode(e.error()) + ")";
  }
}

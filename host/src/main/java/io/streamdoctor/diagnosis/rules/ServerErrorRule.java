package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.StreamErrored;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** HTTP 5xx (504 has its own rule), WebSocket 1011/1014, or a server error object in-stream. */
public final class ServerErrorRule implements Rule {
  static final Set<String> INCIDENT = Set.of("minor", "major", "critical");
  private static final Set<String> SERVER_TYPES =
      Set.of("server_error", "api_error", "internal_error", "internal_server_error", "error");

  @Override
  public String cause() {
    return Causes.SERVER_ERROR;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    Integer status = ctx.stream().httpStatus();
    if (status != null && status >= 500 && status != 504) {
      lines.add(ctx.lineAtBreak("the stream request was answered HTTP " + status));
    }
    Integer close = ctx.stream().closeCode();
    if (close != null && (close == 1011 || close == 1014)) {
      String what = close == 1011 ? "server error" : "bad gateway";
      lines.add(ctx.lineAtBreak("WebSocket closed with " + close + " (" + what + ")"));
    }
    for (StreamErrored e : ctx.stream().errors()) {
      if (e.errorType() != null && SERVER_TYPES.contains(e.errorType())) {
        lines.add(ctx.line(e, "the site sent an error object inside the stream: " + e.errorType()));
      }
    }
    Integer upgrade = Probes.of(ctx).wsUpgradeStatus();
    if (ctx.stream().wsFailedBeforeOpen() && upgrade != null && upgrade >= 500) {
      lines.add(ctx.lineAtBreak("a fresh WebSocket upgrade to the site was answered HTTP " + upgrade));
    }
    StatusPage page = Probes.of(ctx).status();
    double incident = 0;
    if (page != null && INCIDENT.contains(page.indicator())) {
      // The status page names components, not our stream: an incident elsewhere is weak evidence.
      String where = page.affected().isEmpty() ? "" : " (affected: " + String.join(", ", page.affected()) + ")";
      EvidenceLine l = ctx.line(page, "the site's status page reports a " + page.indicator() + " incident" + where);
      if (!lines.isEmpty()) {
        lines.add(l);
      } else {
        incident = "minor".equals(page.indicator()) ? 0.3 : 0.45;
        if (ctx.stream().end() != null && ctx.stream().end().isBreak() || ctx.stream().stall() != null) {
          lines.add(l);
        }
      }
    }
    if (lines.isEmpty()) {
      if (status != null && status < 400 && ctx.stream().errors().isEmpty()) {
        return Verdicts.ruledOut(
            cause(), "the server answered HTTP " + status + " and sent no error object");
      }
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), incident > 0 ? incident : 0.9, lines, Remedies.WAIT_AND_RETRY,
        Remedies.CHECK_STATUS_PAGE);
  }
}

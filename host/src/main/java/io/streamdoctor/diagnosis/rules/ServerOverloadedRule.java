package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.HttpStatus;
import io.streamdoctor.evidence.StreamErrored;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** HTTP 429, WebSocket close 1013 (try again later, RFC 6455 registry), or an overload object. */
public final class ServerOverloadedRule implements Rule {
  private static final Set<String> OVERLOAD_TYPES =
      Set.of("overloaded_error", "rate_limit_error", "rate_limited", "too_many_requests", "overloaded");

  @Override
  public String cause() {
    return Causes.SERVER_OVERLOADED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    Integer status = ctx.stream().httpStatus();
    if (status != null && status == 429) {
      lines.add(ctx.lineAtBreak("the stream request was answered HTTP 429 Too Many Requests"));
    }
    for (HttpStatus h : ctx.near(HttpStatus.class, 120_000, 5_000)) {
      if (h.status() == 429 && BreakContext.sameUrl(h.url(), ctx.stream().url())) {
        String retry = h.retryAfterS() == null ? "" : " (Retry-After " + h.retryAfterS().longValue() + " s)";
        lines.add(ctx.line(h, "HTTP 429 on " + h.url() + retry));
      }
    }
    Integer close = ctx.stream().closeCode();
    if (close != null && close == 1013) {
      lines.add(ctx.lineAtBreak("WebSocket closed with 1013 (try again later)"));
    }
    for (StreamErrored e : ctx.stream().errors()) {
      if (e.errorType() != null && OVERLOAD_TYPES.contains(e.errorType())) {
        lines.add(ctx.line(e, "the site sent an error object inside the stream: " + e.errorType()));
      }
    }
    Integer upgrade = Probes.of(ctx).wsUpgradeStatus();
    if (ctx.stream().wsFailedBeforeOpen() && upgrade != null && upgrade == 429) {
      lines.add(ctx.lineAtBreak("a fresh WebSocket upgrade to the site was answered HTTP 429"));
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), 0.93, lines, Remedies.WAIT_AND_RETRY, Remedies.CHECK_STATUS_PAGE);
  }
}

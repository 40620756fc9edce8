package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.NetErrors;
import io.streamdoctor.diagnosis.Probes;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.RequestError;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat host did not resolve: the browser said so, or the system resolver failed for it in the
 * post-mortem while a public resolver answered (which also tells the fix: switch resolvers).
 *
 * <p>A post-mortem lookup counts only for a stream that never got an answer. Once the response
 * head or a frame arrived, the name had resolved and the connection needed no further lookup
 * (a name is resolved when a connection is opened, not while it carries a response): a lookup
 * that fails after such a stream died says the network path is down now (NetworkBlockedRule
 * reads that), not that DNS cut the stream.
 */
public final class DnsResolutionRule implements Rule {
  @Override
  public String cause() {
    return Causes.DNS_RESOLUTION_FAILED;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    List<EvidenceLine> lines = new ArrayList<>();
    double confidence = 0;
    List<RequestError> candidates = new ArrayList<>(ctx.streamRequestErrors());
    candidates.addAll(ctx.pageRequestErrors(60_000, 5_000));
    for (RequestError e : candidates) {
      if (NetErrors.kind(e.error()) == NetErrors.Kind.DNS) {
        lines.add(ctx.line(e, "the browser could not resolve the host of " + e.url() + " ("
            + Verdicts.errorCode(e.error()) + ")"));
        confidence = 0.95;
      }
    }
    Probes probes = Probes.of(ctx);
    List<DnsProbe> system = probes.dns("system");
    List<DnsProbe> others = new ArrayList<>(probes.dns("public"));
    others.addAll(probes.dns("doh"));
    boolean established = ctx.stream().established();
    for (DnsProbe p : system) {
      if (!"ok".equals(p.outcome()) && !established) {
        String pub = probes.anyOk(others) ? " while " + firstOk(others) + " answered" : "";
        lines.add(ctx.line(p, "your resolver " + p.resolver() + " gave " + p.outcome() + " for " + p.host() + pub));
        confidence = Math.max(confidence, probes.anyOk(others) ? 0.9 : 0.6);
      }
    }
    if (!lines.isEmpty()) {
      return Verdicts.found(cause(), confidence, lines, Remedies.FLUSH_DNS, Remedies.SWITCH_RESOLVER, Remedies.USE_DOH);
    }
    if (established && system.stream().anyMatch(DnsProbe::failed)) {
      return Verdicts.ruledOut(cause(), "the stream was already answering (" + ctx.stream().frames()
          + " frames), so its name had resolved; the lookup that failed after the break says the"
          + " network stopped answering, not that DNS cut the stream");
    }
    if (!system.isEmpty() && system.stream().allMatch(p -> "ok".equals(p.outcome()))) {
      DnsProbe s = system.get(0);
      String pub = probes.anyOk(others) ? " and at " + firstOk(others) : "";
      return Verdicts.ruledOut(cause(), "DNS answered in " + Probes.ms(s.latencyMs()) + " at your resolver "
          + s.resolver() + pub);
    }
    if (ctx.stream().startedStreaming()) {
      return Verdicts.ruledOut(cause(), "the server had already sent " + ctx.stream().frames()
          + " frames, so its name resolved");
    }
    return Verdicts.silent(cause());
  }

  private static String firstOk(List<DnsProbe> probes) {
    for (DnsProbe p : probes) {
      if ("ok".equals(p.outcome())) {
        return p.resolver() + " (" + Probes.ms(p.latencyMs()) + ")";
      }
    }
    return "";
  }
}

package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.diagnosis.StreamInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP 504, or a request with a large prompt that waited long for its first token and then died:
 * gateways in front of the model give up on requests that take too long to start answering.
 */
public final class GatewayTimeoutRule implements Rule {
  static final long LARGE_PAYLOAD_BYTES = 32 * 1024;
  static final double LONG_WAIT_MS = 30_000;

  @Override
  public String cause() {
    return Causes.SERVER_GATEWAY_TIMEOUT;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    StreamInfo s = ctx.stream();
    List<EvidenceLine> lines = new ArrayList<>();
    Integer status = s.httpStatus();
    double confidence = 0;
    if (status != null && status == 504) {
      lines.add(ctx.lineAtBreak("the stream request was answered HTTP 504 Gateway Timeout"));
      confidence = 0.95;
    }
    double waited = s.opened() == null ? 0 : ctx.breakTs() - s.opened().ts();
    Double ttft = s.ttftMs();
    boolean longWait = ttft != null ? ttft >= LONG_WAIT_MS : (!s.startedStreaming() && waited >= LONG_WAIT_MS);
    if (longWait && s.payloadBytes() >= LARGE_PAYLOAD_BYTES) {
      long shownMs = Math.round(ttft != null ? ttft : waited);
      lines.add(
          new EvidenceLine(
              Math.round(s.opened().ts() - ctx.breakTs()),
              "a " + (s.payloadBytes() / 1024) + " KiB prompt waited " + shownMs / 1000
                  + " s for its first token"));
      confidence = Math.max(confidence, status != null && status == 504 ? 0.97 : 0.75);
    }
    if (lines.isEmpty()) {
      return Verdicts.silent(cause());
    }
    return Verdicts.found(cause(), confidence, lines, Remedies.SPLIT_PROMPT, Remedies.WAIT_AND_RETRY);
  }
}

package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.BreakContext;
import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.evidence.HistoryPattern;

/**
 * Patterns across breaks that are findings of their own (same network, same site, same hour):
 * they say what breaks share, not what causes them, so they stay runners-up
 * ({@link HistoryPatterns#ALONE}).
 */
public final class HistoryPatternRule implements Rule {
  private final String cause;
  private final String[] remedies;

  public HistoryPatternRule(String cause, String... remedies) {
    this.cause = cause;
    this.remedies = remedies;
  }

  @Override
  public String cause() {
    return cause;
  }

  @Override
  public RuleResult evaluate(BreakContext ctx) {
    HistoryPattern p = HistoryPatterns.of(ctx, cause);
    if (p == null) {
      return Verdicts.silent(cause);
    }
    return Verdicts.found(cause, HistoryPatterns.support(0, p), HistoryPatterns.lines(ctx, p),
        remedies.length == 0 ? new String[] {Remedies.CHECK_NETWORK} : remedies);
  }
}

package io.streamdoctor.diagnosis;

import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.diagnosis.RuleResult.RuledOut;
import io.streamdoctor.diagnosis.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every rule on a break and ranks what they found. Pure and deterministic: the same context
 * always gives the same diagnosis, which is what makes replay of a recording meaningful.
 */
public final class Engine {
  /** A finding this strong makes the "unexplained" fallback dishonest, so it is dropped. */
  private static final double EXPLAINED = 0.5;

  private final List<Rule> rules;

  public Engine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static Engine standard() {
    return new Engine(RuleSet.all());
  }

  public Diagnosis diagnose(BreakContext ctx, String stage) {
    List<Finding> findings = new ArrayList<>();
    List<RuledOut> ruledOut = new ArrayList<>();
    for (Rule rule : rules) {
      RuleResult r = rule.evaluate(ctx);
      if (r instanceof Finding f) {
        findings.add(f);
      } else if (r instanceof RuledOut o) {
        ruledOut.add(o);
      }
    }
    boolean explained =
        findings.stream()
            .anyMatch(
                f -> f.confidence() >= EXPLAINED
                    && !f.cause().equals(Causes.STREAM_DROPPED_UNEXPLAINED));
    if (explained) {
      findings.removeIf(f -> f.cause().equals(Causes.STREAM_DROPPED_UNEXPLAINED));
    }
    // Stable sort: equal confidence keeps rule order, which lists specific causes first.
    findings.sort(Comparator.comparingDouble(Finding::confidence).reversed());
    return new Diagnosis(
        ctx.trigger().breakId(),
        ctx.trigger().stream(),
        ctx.site(),
        ctx.stream().url(),
        Math.round(ctx.breakTs()),
        SymptomClassifier.classify(ctx),
        findings,
        ruledOut,
        stage);
  }
}

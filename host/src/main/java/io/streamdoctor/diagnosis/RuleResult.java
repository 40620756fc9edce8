package io.streamdoctor.diagnosis;

import java.util.List;

/** What one rule says about one break. */
public sealed interface RuleResult permits RuleResult.Finding, RuleResult.RuledOut, RuleResult.Silent {

  String cause();

  /** The rule's cause explains the break, with this confidence and evidence. */
  record Finding(
      String cause,
      double confidence,
      List<EvidenceLine> evidence,
      List<EvidenceLine> against,
      List<String> remedies)
      implements RuleResult {
    public Finding {
      confidence = Math.max(0, Math.min(1, confidence));
      evidence = List.copyOf(evidence);
      against = List.copyOf(against);
      remedies = List.copyOf(remedies);
    }
  }

  /** The rule checked its cause and has positive evidence that it is not the cause. */
  record RuledOut(String cause, String why) implements RuleResult {}

  /** Nothing to say either way. */
  record Silent(String cause) implements RuleResult {}
}

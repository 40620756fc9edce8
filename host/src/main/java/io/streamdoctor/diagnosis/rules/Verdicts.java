package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.EvidenceLine;
import io.streamdoctor.diagnosis.RuleResult;
import java.util.List;

/** Small constructors so each rule reads as its logic, not as list plumbing. */
final class Verdicts {
  private Verdicts() {}

  static RuleResult.Finding found(
      String cause, double confidence, List<EvidenceLine> evidence, String... remedies) {
    return new RuleResult.Finding(cause, confidence, evidence, List.of(), List.of(remedies));
  }

  static RuleResult.Finding found(
      String cause,
      double confidence,
      List<EvidenceLine> evidence,
      List<EvidenceLine> against,
      String... remedies) {
    return new RuleResult.Finding(cause, confidence, evidence, against, List.of(remedies));
  }

  static RuleResult ruledOut(String cause, String why) {
    return new RuleResult.RuledOut(cause, why);
  }

  static RuleResult silent(String cause) {
    return new RuleResult.Silent(cause);
  }

  static String errorCode(String browserError) {
    return browserError != null && browserError.startsWith("net::")
        ? browserError.substring(5)
        : browserError;
  }
}

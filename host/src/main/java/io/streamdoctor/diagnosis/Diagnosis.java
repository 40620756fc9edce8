package io.streamdoctor.diagnosis;

import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.diagnosis.RuleResult.RuledOut;
import java.util.List;

/** The ranked verdict for one break. {@code stage}: evidence (immediate) or probed. */
public record Diagnosis(
    String breakId,
    String stream,
    String site,
    String url,
    long ts,
    String symptom,
    List<Finding> findings,
    List<RuledOut> ruledOut,
    String stage) {

  public Diagnosis {
    findings = List.copyOf(findings);
    ruledOut = List.copyOf(ruledOut);
  }

  public String topCause() {
    return findings.isEmpty() ? null : findings.get(0).cause();
  }
}

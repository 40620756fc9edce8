package io.streamdoctor.diagnosis;

/** One rule per cause id. Rules are pure: the context is all they may look at. */
public interface Rule {
  String cause();

  RuleResult evaluate(BreakContext ctx);
}

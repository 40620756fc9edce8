package io.streamdoctor.evidence;

/**
 * Who really answered: a "whoami" TXT query ({@code query}) sent to {@code resolver} and the
 * address it reports ({@code egress}: the recursive resolver or client address seen upstream), or
 * null with {@code outcome} other than ok. A transparent DNS proxy shows up as an unexpected egress.
 */
public record ResolverIdentity(double ts, String resolver, String query, String egress, String outcome)
    implements Evidence {
  @Override
  public ResolverIdentity withTs(double t) {
    return new ResolverIdentity(t, resolver, query, egress, outcome);
  }
}

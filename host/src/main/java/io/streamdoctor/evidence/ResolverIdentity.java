package io.streamdoctor.evidence;

/**
 * Who really answered: a "whoami" TXT query ({@code query}) sent to {@code resolver} and the
 * address it reports ({@code egress}: the recursive resolver or client address seen upstream), or
 * null with {@code outcome} other than ok. A transparent DNS proxy shows up as an unexpected egress.
 */
public record ResolverIdentity(double ts, String resolver, String query, String egress, String outcome)
    implements Evidence {
  /**
   * A CHAOS-class "whoami" sent to a public resolver is answered by that resolver itself. When
   * ordinary lookups at the same address work but the identity query fails, something between us
   * and it answers port 53 on its behalf: a transparent DNS proxy, whose "public" answers are its
   * own.
   */
  public boolean showsTransparentProxy(java.util.List<DnsProbe> dns) {
    boolean sameResolverAnswers = dns.stream().anyMatch(d -> "public".equals(d.resolverKind())
        && d.resolver().equals(resolver) && !d.failed());
    return "whoami.cloudflare".equals(query) && !"ok".equals(outcome) && sameResolverAnswers;
  }

  @Override
  public ResolverIdentity withTs(double t) {
    return new ResolverIdentity(t, resolver, query, egress, outcome);
  }
}

package io.streamdoctor.evidence;

import java.util.List;

/**
 * One DNS lookup of {@code host} (type A) at one resolver. {@code resolverKind}: system, public,
 * doh. {@code outcome}: ok, nxdomain, servfail, refused, timeout, error. {@code bogon}: an answer
 * is a private/reserved address; {@code disagrees}: (system resolvers only) its answer set shares
 * nothing with the public resolvers' answers.
 */
public record DnsProbe(
    double ts,
    String host,
    String resolver,
    String resolverKind,
    String rcode,
    List<String> answers,
    double latencyMs,
    String outcome,
    boolean bogon,
    boolean disagrees)
    implements Evidence {
  @Override
  public DnsProbe withTs(double t) {
    return new DnsProbe(t, host, resolver, resolverKind, rcode, answers, latencyMs, outcome, bogon, disagrees);
  }

  public boolean failed() {
    return !"ok".equals(outcome);
  }
}

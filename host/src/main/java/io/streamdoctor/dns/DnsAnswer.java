package io.streamdoctor.dns;

import java.util.List;

/**
 * One answered (or failed) DNS query, free of dnsjava types. {@code outcome}: ok, nxdomain,
 * servfail, refused, timeout, error; {@code rcode} the mnemonic (NOERROR…) or null without a
 * response; {@code answers} the A/AAAA addresses or TXT strings.
 */
public record DnsAnswer(String outcome, String rcode, List<String> answers, double latencyMs, String detail) {
  public DnsAnswer {
    answers = List.copyOf(answers);
  }

  static DnsAnswer failed(String outcome, double latencyMs, String detail) {
    return new DnsAnswer(outcome, null, List.of(), latencyMs, detail);
  }
}

package io.streamdoctor.diagnosis.rules;

import io.streamdoctor.diagnosis.Remedies;
import io.streamdoctor.diagnosis.Rule;
import java.util.List;

/** Every rule, most specific first (the order breaks confidence ties). */
public final class RuleSet {
  private RuleSet() {}

  public static List<Rule> all() {
    return List.of(
        new BlockedByExtensionRule(),
        new GatewayTimeoutRule(),
        new ServerOverloadedRule(),
        new ServerErrorRule(),
        new SessionConflictRule(),
        new DnsResolutionRule(),
        new DnsHijackedRule(),
        new ProxyFailedRule(),
        new TlsInterceptedRule(),
        new OfflineRule(),
        new NetworkChangedRule(),
        new NetworkBlockedRule(),
        new ProxyDoubleRule(),
        new PacketLossRule(),
        new PageInitFailedRule(),
        new IdleCutoffRule(),
        new ThrottledRule(),
        new ExtensionInterferenceRule(),
        new HistoryPatternRule("pattern.same_network", Remedies.CHANGE_NETWORK),
        new HistoryPatternRule("pattern.same_site", Remedies.CHECK_STATUS_PAGE),
        new HistoryPatternRule("pattern.time_of_day", Remedies.WAIT_AND_RETRY),
        new StalledRule(),
        new DroppedUnexplainedRule());
  }
}

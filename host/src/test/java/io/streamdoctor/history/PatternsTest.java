package io.streamdoctor.history;

import static io.streamdoctor.history.Fixtures.DAY;
import static io.streamdoctor.history.Fixtures.HOUR;
import static io.streamdoctor.history.Fixtures.T0;
import static io.streamdoctor.history.Fixtures.ext;
import static io.streamdoctor.history.Fixtures.inSession;
import static io.streamdoctor.history.Fixtures.record;
import static io.streamdoctor.history.Fixtures.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.diagnosis.Causes;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.history.BreakSummary.Ext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PatternsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final long REF = T0 + 30 * DAY;

  private static Optional<Finding> cause(List<HistoryRecord> records, String cause) {
    return Patterns.find(records, REF, UTC).stream().filter(f -> f.cause().equals(cause)).findFirst();
  }

  private static String text(Finding f) {
    return String.join("\n", f.evidence().stream().map(l -> l.text()).toList());
  }

  @Test
  void duration_threeBreaksAt60sWithin5Percent_reportsIdleCutoffWithDuration() {
    List<HistoryRecord> rs = List.of(
        simple("b1", T0, "chatgpt", 59_000.0), simple("b2", T0 + DAY, "claude", 60_200.0),
        simple("b3", T0 + 2 * DAY, "chatgpt", 61_500.0), simple("b4", T0 + 3 * DAY, "chatgpt", 12_000.0));
    Finding f = cause(rs, Causes.NETWORK_IDLE_CUTOFF).orElseThrow();
    assertTrue(text(f).contains("3 of 4 streams"), text(f));
    assertTrue(text(f).contains("cut after 60.2 s"), text(f));
    assertTrue(text(f).contains("2 different sites"), text(f));
    // member lines say when and where, never the break ids (issue 18: they fill the popup)
    assertTrue(text(f).contains("a break on claude cut after 60.2 s"), text(f));
    assertFalse(text(f).matches("(?s).*\\bb[1-4]\\b.*"), text(f));
    assertTrue(f.confidence() >= 0.6, "confidence " + f.confidence());
    assertEquals(-28 * DAY, f.evidence().get(0).atMs());
  }

  @Test
  void duration_spreadOutDurations_reportsNothing() {
    List<HistoryRecord> rs = List.of(simple("b1", T0, "chatgpt", 30_000.0),
        simple("b2", T0 + DAY, "chatgpt", 60_000.0), simple("b3", T0 + 2 * DAY, "chatgpt", 66_000.0),
        simple("b4", T0 + 3 * DAY, "chatgpt", 90_000.0));
    assertFalse(cause(rs, Causes.NETWORK_IDLE_CUTOFF).isPresent());
  }

  @Test
  void duration_sameShortLives_areHandshakeFailuresNotACutoff() {
    List<HistoryRecord> rs = List.of(simple("b1", T0, "chatgpt", 1_000.0),
        simple("b2", T0 + DAY, "chatgpt", 1_010.0), simple("b3", T0 + 2 * DAY, "chatgpt", 1_020.0));
    assertFalse(cause(rs, Causes.NETWORK_IDLE_CUTOFF).isPresent());
  }

  @Test
  void anyPattern_fewerThanThreeBreaks_reportsNothing() {
    List<HistoryRecord> rs = List.of(simple("b1", T0, "chatgpt", 60_000.0),
        simple("b2", T0 + DAY, "chatgpt", 60_000.0));
    assertTrue(Patterns.find(rs, REF, UTC).isEmpty());
  }

  @Test
  void network_mostBreaksOnOneOfSeveralNetworks_reportsHashedNetwork() {
    List<HistoryRecord> rs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rs.add(record("n" + i, T0 + i * 7 * HOUR, "chatgpt", null, "net-aaa", null));
    }
    rs.add(record("other", T0 + 40 * HOUR, "chatgpt", null, "net-bbb", null));
    Finding f = cause(rs, Patterns.SAME_NETWORK).orElseThrow();
    assertTrue(text(f).contains("4 of 5 breaks with a known network happened on network #net-aaa"), text(f));
    assertEquals(Patterns.BREAKS_ONLY, f.against().get(0).text());
  }

  @Test
  void network_allBreaksOnTheOnlyNetworkSeen_reportsNothing() {
    List<HistoryRecord> rs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rs.add(record("n" + i, T0 + i * 7 * HOUR, "chatgpt", null, "net-aaa", null));
    }
    assertFalse(cause(rs, Patterns.SAME_NETWORK).isPresent());
  }

  @Test
  void network_breaksSpreadOverNetworks_reportsNothing() {
    List<HistoryRecord> rs = List.of(record("a", T0, "chatgpt", null, "n1", null),
        record("b", T0 + 7 * HOUR, "chatgpt", null, "n2", null),
        record("c", T0 + 14 * HOUR, "chatgpt", null, "n1", null),
        record("d", T0 + 21 * HOUR, "chatgpt", null, "n3", null));
    assertFalse(cause(rs, Patterns.SAME_NETWORK).isPresent());
  }

  @Test
  void extension_oneExtensionCommonToBreaksWhileOthersVary_reportsItByName() {
    Ext vpn = ext("vpnid", "Fast VPN");
    List<HistoryRecord> rs = List.of(
        record("a", T0, "chatgpt", null, null, List.of(vpn, ext("x", "Dark Reader"))),
        record("b", T0 + 7 * HOUR, "chatgpt", null, null, List.of(vpn)),
        record("c", T0 + 14 * HOUR, "claude", null, null, List.of(vpn, ext("y", "Grammarly"))));
    Finding f = cause(rs, Causes.EXTENSION_INTERFERENCE).orElseThrow();
    assertTrue(text(f).contains("Fast VPN (vpnid) was enabled at 3 of 3 breaks"), text(f));
    assertTrue(f.remedies().contains("disable_extension"));
  }

  @Test
  void extension_sameSetAtEveryBreak_reportsNothing() {
    List<Ext> set = List.of(ext("vpnid", "Fast VPN"), ext("x", "Dark Reader"));
    List<HistoryRecord> rs = List.of(record("a", T0, "chatgpt", null, null, set),
        record("b", T0 + 7 * HOUR, "chatgpt", null, null, set),
        record("c", T0 + 14 * HOUR, "chatgpt", null, null, set));
    assertFalse(cause(rs, Causes.EXTENSION_INTERFERENCE).isPresent());
  }

  @Test
  void site_mostBreaksOnOneOfSeveralSites_reportsSite() {
    List<HistoryRecord> rs = List.of(simple("a", T0, "claude", null),
        simple("b", T0 + 7 * HOUR, "claude", null), simple("c", T0 + 14 * HOUR, "claude", null),
        simple("d", T0 + 21 * HOUR, "chatgpt", null));
    Finding f = cause(rs, Patterns.SAME_SITE).orElseThrow();
    assertTrue(text(f).contains("3 of 4 breaks happened on claude, out of 2 sites"), text(f));
  }

  @Test
  void site_evenlySpreadOrSingleSite_reportsNothing() {
    List<HistoryRecord> spread = List.of(simple("a", T0, "claude", null),
        simple("b", T0 + 7 * HOUR, "chatgpt", null), simple("c", T0 + 14 * HOUR, "claude", null),
        simple("d", T0 + 21 * HOUR, "chatgpt", null));
    List<HistoryRecord> single = List.of(simple("a", T0, "claude", null),
        simple("b", T0 + 7 * HOUR, "claude", null), simple("c", T0 + 14 * HOUR, "claude", null));
    assertFalse(cause(spread, Patterns.SAME_SITE).isPresent());
    assertFalse(cause(single, Patterns.SAME_SITE).isPresent());
  }

  @Test
  void timeOfDay_sameHourOnThreeDays_reportsLocalHour() {
    long h20 = T0 - T0 % DAY + 20 * HOUR; // 20:00 UTC
    List<HistoryRecord> rs = List.of(simple("a", h20 + 5 * 60_000, "chatgpt", null),
        simple("b", h20 + DAY + 40 * 60_000, "chatgpt", null),
        simple("c", h20 + 2 * DAY + 59 * 60_000, "chatgpt", null),
        simple("d", h20 + 3 * DAY - 9 * HOUR, "chatgpt", null));
    Finding f = cause(rs, Patterns.TIME_OF_DAY).orElseThrow();
    assertTrue(text(f).contains("3 of 4 breaks happened between 20:00 and 21:00 local time, on 3"
        + " different days"), text(f));
    // The same instants in another zone fall in another local hour.
    Finding tokyo = Patterns.find(rs, REF, ZoneId.of("Asia/Tokyo")).stream()
        .filter(x -> x.cause().equals(Patterns.TIME_OF_DAY)).findFirst().orElseThrow();
    assertTrue(text(tokyo).contains("between 05:00 and 06:00"), text(tokyo));
  }

  @Test
  void timeOfDay_burstWithinOneHourOnOneDay_reportsNothing() {
    List<HistoryRecord> rs = List.of(simple("a", T0, "chatgpt", null),
        simple("b", T0 + 60_000, "chatgpt", null), simple("c", T0 + 120_000, "chatgpt", null));
    assertFalse(cause(rs, Patterns.TIME_OF_DAY).isPresent());
  }

  @Test
  void forBreak_breakInsideTheCluster_getsThePattern() {
    List<HistoryRecord> past = List.of(simple("b1", T0, "chatgpt", 60_000.0),
        simple("b2", T0 + DAY, "chatgpt", 60_500.0));
    HistoryRecord current = simple("now", T0 + 2 * DAY, "claude", 59_800.0);
    List<String> causes = Patterns.forBreak(past, current, UTC).stream().map(Finding::cause).toList();
    assertTrue(causes.contains(Causes.NETWORK_IDLE_CUTOFF), causes.toString());
    // Same hour on three days: the time-of-day pattern holds too; a site pattern cannot (b3 is elsewhere).
    assertFalse(causes.contains(Patterns.SAME_SITE), causes.toString());
  }

  @Test
  void forBreak_breakOutsideTheCluster_getsNothingFromIt() {
    List<HistoryRecord> past = List.of(simple("b1", T0, "chatgpt", 60_000.0),
        simple("b2", T0 + DAY, "chatgpt", 60_500.0), simple("b3", T0 + 2 * DAY, "chatgpt", 59_900.0));
    HistoryRecord current = simple("now", T0 + 3 * DAY, "chatgpt", 20_000.0);
    assertTrue(Patterns.forBreak(past, current, UTC).stream()
        .noneMatch(x -> x.cause().equals(Causes.NETWORK_IDLE_CUTOFF)));
  }

  @Test
  void forBreak_laterBreaks_areNotCounted() {
    HistoryRecord current = simple("now", T0, "chatgpt", 60_000.0);
    List<HistoryRecord> later = List.of(simple("b1", T0 + DAY, "chatgpt", 60_000.0),
        simple("b2", T0 + 2 * DAY, "chatgpt", 60_000.0));
    assertTrue(Patterns.forBreak(later, current, UTC).isEmpty());
  }

  // --- history supports, never decides (issue 21 class 5, issue 17 point 3)

  @Test
  void forBreak_threePageMadeCutoffsInOneSession_doNotMakeALaterBreakACutoff() {
    // Three page-made sockets closed at ~30 s, then a genuine break of the same length, all in one
    // browser session on one day: one page could have made every member.
    List<HistoryRecord> past = List.of(inSession(simple("p1", T0, "chatgpt", 30_100.0), "s1"),
        inSession(simple("p2", T0 + 60_000, "chatgpt", 29_900.0), "s1"),
        inSession(simple("p3", T0 + 120_000, "chatgpt", 30_000.0), "s1"));
    HistoryRecord genuine = inSession(simple("now", T0 + 600_000, "chatgpt", 30_050.0), "s1");
    assertTrue(Patterns.forBreak(past, genuine, UTC).isEmpty());
    // The same breaks seen in two browser sessions are a pattern.
    HistoryRecord otherSession = inSession(simple("now", T0 + 600_000, "chatgpt", 30_050.0), "s2");
    assertTrue(Patterns.forBreak(past, otherSession, UTC).stream()
        .anyMatch(f -> f.cause().equals(Causes.NETWORK_IDLE_CUTOFF)));
  }

  @Test
  void forBreak_breaksOfGenericSites_neverCount() {
    // Any page can open sockets that the extension files under "generic": days apart or not,
    // they never form a pattern, and a chat break does not join them.
    List<HistoryRecord> past = List.of(simple("g1", T0, "generic", 30_000.0),
        simple("g2", T0 + DAY, "generic", 30_100.0), simple("g3", T0 + 2 * DAY, null, 29_900.0));
    HistoryRecord genuine = simple("now", T0 + 3 * DAY, "chatgpt", 30_000.0);
    assertTrue(Patterns.forBreak(past, genuine, UTC).isEmpty());
    HistoryRecord generic = simple("now", T0 + 3 * DAY, "generic", 30_000.0);
    assertTrue(Patterns.forBreak(past, generic, UTC).isEmpty());
  }

  @Test
  void forBreak_configuredSitesOnly_aSiteAddedByConfigurationCounts() {
    List<HistoryRecord> past = List.of(simple("l1", T0, "lab", 60_000.0),
        simple("l2", T0 + DAY, "lab", 60_100.0));
    HistoryRecord current = simple("now", T0 + 2 * DAY, "lab", 59_900.0);
    assertTrue(Patterns.forBreak(past, current, UTC).isEmpty(), "lab is no default chat site");
    assertTrue(Patterns.forBreak(past, current, UTC, Set.of("lab")).stream()
        .anyMatch(f -> f.cause().equals(Causes.NETWORK_IDLE_CUTOFF)));
  }
}

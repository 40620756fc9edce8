package io.streamdoctor.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.evidence.BrowserProxy;
import io.streamdoctor.evidence.Connectivity;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.NetworkChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final double MIN = 60_000;

  private static Connectivity online(double ts, boolean online) {
    return new Connectivity(ts, online, null, null, null);
  }

  private static List<Evidence> evidence(Timeline t, double upTo) {
    return t.until(upTo).stream().map(Timeline.Entry::evidence).toList();
  }

  @Test
  void add_eventOlderThanMaxAge_isEvicted() {
    Timeline t = new Timeline(100, 30 * MIN);
    t.add(0, online(0, false));
    t.add(31 * MIN, online(31 * MIN, true));
    assertEquals(List.of(online(31 * MIN, true)), evidence(t, 40 * MIN));
  }

  @Test
  void add_vpnUpAnHourAgo_stillOnTheTimeline() {
    Timeline t = new Timeline(100, 30 * MIN);
    NetworkChange vpn = new NetworkChange(0, "vpn_up", "wg0", null);
    t.add(0, vpn);
    for (int m = 1; m <= 60; m++) {
      t.add(m * MIN, online(m * MIN, true));
    }
    List<Evidence> now = evidence(t, 61 * MIN);
    assertEquals(vpn, now.get(0), "the newest report of a standing state outlives its age");
    assertEquals(32, now.size(), "the 31 events of the last 30 minutes (inclusive) plus the one standing state");
  }

  @Test
  void add_vpnDownAfterUp_onlyTheNewestReportStands() {
    Timeline t = new Timeline(100, 30 * MIN);
    t.add(0, new NetworkChange(0, "vpn_up", "wg0", null));
    t.add(MIN, new NetworkChange(MIN, "vpn_down", "wg0", null));
    t.add(90 * MIN, online(90 * MIN, true));
    List<Evidence> now = evidence(t, 91 * MIN);
    assertEquals(2, now.size(), now.toString());
    assertEquals("vpn_down", ((NetworkChange) now.get(0)).kind());
  }

  @Test
  void add_standingStateEvictedByCount_keptToo() {
    Timeline t = new Timeline(3, 30 * MIN);
    BrowserProxy proxy = new BrowserProxy(0, "fixed_servers", "controllable_by_this_extension", "http");
    t.add(0, proxy);
    for (int i = 1; i <= 5; i++) {
      t.add(i, online(i, true));
    }
    assertEquals(proxy, evidence(t, 10).get(0));
    assertInstanceOf(BrowserProxy.class, t.latest(BrowserProxy.class));
  }

  @Test
  void add_newerReportOfTheSameState_replacesTheStandingOne() {
    Timeline t = new Timeline(100, 30 * MIN);
    t.add(0, new BrowserProxy(0, "fixed_servers", "x", "http"));
    t.add(40 * MIN, online(40 * MIN, true));
    BrowserProxy direct = new BrowserProxy(41 * MIN, "direct", "x", null);
    t.add(41 * MIN, direct);
    List<Evidence> now = evidence(t, 42 * MIN);
    assertEquals(2, now.size(), now.toString());
    assertTrue(now.contains(direct));
    assertEquals(direct, t.latest(BrowserProxy.class));
  }

  @Test
  void until_standingStateReceivedLater_notReturnedForAnEarlierTime() {
    Timeline t = new Timeline(2, 30 * MIN);
    t.add(5, new BrowserProxy(5, "fixed_servers", "x", "http"));
    t.add(6, online(6, true));
    t.add(7, online(7, true));
    assertEquals(0, evidence(t, 4).size());
    assertNull(new Timeline(2, MIN).latest(BrowserProxy.class));
  }
}

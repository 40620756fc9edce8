package io.streamdoctor.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.evidence.TcpRetransmits;
import io.streamdoctor.platform.TcpCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RetransmitRateTest {
  @Test
  void sample_firstThenDelta_ratePerSecond() {
    RetransmitRate r = new RetransmitRate();
    assertTrue(r.sample(new TcpCounters(1000, 10), 0).isEmpty());
    TcpRetransmits t = r.sample(new TcpCounters(1200, 20), 2000).orElseThrow();
    assertEquals(100.0, t.segsPerS());
    assertEquals(5.0, t.retransPerS());
    assertEquals(0.05, t.ratio());
  }

  @Test
  void sample_counterWentBack_noBogusRate() {
    RetransmitRate r = new RetransmitRate();
    r.sample(new TcpCounters(1000, 10), 0);
    assertTrue(r.sample(new TcpCounters(5, 0), 1000).isEmpty());
    assertEquals(0.0, r.sample(new TcpCounters(105, 0), 2000).orElseThrow().ratio());
  }

  @Test
  void sample_idle_nothing() {
    RetransmitRate r = new RetransmitRate();
    r.sample(new TcpCounters(1000, 10), 0);
    assertTrue(r.sample(new TcpCounters(1000, 10), 1000).isEmpty());
  }
}

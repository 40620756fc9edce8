package io.streamdoctor.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.dns.DnsFlusher;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.evidence.SystemProxy;
import io.streamdoctor.evidence.TcpRetransmits;
import io.streamdoctor.evidence.WifiQuality;
import io.streamdoctor.platform.NetIface;
import io.streamdoctor.platform.NetState;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.platform.ProxySetting;
import io.streamdoctor.platform.TcpCounters;
import io.streamdoctor.platform.WifiReading;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MonitorsTest {
  static final class FakePlatform implements Platform {
    final AtomicReference<NetState> net = new AtomicReference<>(NetState.empty());
    final AtomicLong segs = new AtomicLong(1000);
    final AtomicLong retrans = new AtomicLong(0);

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public NetState netState() {
      return net.get();
    }

    @Override
    public Optional<TcpCounters> tcpCounters() {
      return Optional.of(new TcpCounters(segs.get(), retrans.get()));
    }

    @Override
    public List<ProxySetting> systemProxies() {
      return List.of(new ProxySetting("env", "manual", true));
    }

    @Override
    public List<WifiReading> wifi() {
      return List.of(new WifiReading("wlan0", 0.8, -55.0));
    }

    @Override
    public DnsFlusher dnsFlusher() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> limitations() {
      return List.of();
    }
  }

  private static <T> T await(BlockingQueue<Evidence> q, Class<T> type) throws InterruptedException {
    while (true) {
      Evidence e = q.poll(5, TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within 5 s");
      }
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
  }

  @Test
  void start_changesFlowToSink() throws Exception {
    FakePlatform p = new FakePlatform();
    BlockingQueue<Evidence> q = new LinkedBlockingQueue<>();
    try (Monitors m = new Monitors(p, () -> System.nanoTime() / 1e6, new Monitors.Periods(20, 20, 50, 50))) {
      m.start(q::add);
      assertTrue(await(q, SystemProxy.class).proxied());
      assertTrue(await(q, WifiQuality.class).signalDbm() == -55.0);
      Thread.sleep(100);
      p.net.set(new NetState(Map.of("tun0", new NetIface("tun0", true, true, List.of())), List.of(), List.of()));
      NetworkChange c = await(q, NetworkChange.class);
      assertTrue(c.kind().equals("iface_up") || c.kind().equals("vpn_up"), c.toString());
      p.segs.addAndGet(100);
      p.retrans.addAndGet(5);
      assertTrue(await(q, TcpRetransmits.class).retransPerS() >= 0);
    }
  }
}

package io.streamdoctor.probe;

import io.streamdoctor.config.Targets;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.timeline.HostClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP connect time and loss: {@code attempts} connects in a row, each bounded by its share of the
 * budget. A connect that times out while others succeed is loss (SYN or SYN-ACK dropped); all
 * refused/reset/timeout means the host is blocked or down.
 */
public final class TcpProber {
  private final Targets targets;
  private final HostClock clock;
  private final int attempts;

  public TcpProber(Targets targets, HostClock clock, int attempts) {
    this.targets = targets;
    this.clock = clock;
    this.attempts = attempts;
  }

  /** Resolves {@code host} (or its configured connect address), then probes that address. */
  public TcpProbe probe(String host, int port, Deadline deadline) {
    InetSocketAddress addr;
    try {
      addr = ConnectTarget.of(targets, host, port);
    } catch (IOException | IllegalArgumentException e) {
      return failed(host, port, e);
    }
    return probe(host, addr, deadline);
  }

  public TcpProbe failed(String host, int port, Exception e) {
    return new TcpProbe(clock.nowMs(), host, port, 0, 0, null, ProbeFailure.classify(e).word());
  }

  /** Connects to exactly {@code addr} (resolved and checked by the caller); {@code host} names it. */
  public TcpProbe probe(String host, InetSocketAddress addr, Deadline deadline) {
    double ts = clock.nowMs();
    int port = addr.getPort();
    List<Double> times = new ArrayList<>();
    Map<String, Integer> failures = new HashMap<>();
    int tried = 0;
    for (int i = 0; i < attempts && deadline.remainingMs() > 50; i++) {
      tried++;
      int timeout = (int) Math.max(50, deadline.remainingMs() / (attempts - i) - 10);
      long start = System.nanoTime();
      try (Socket s = new Socket()) {
        s.connect(addr, timeout);
        times.add((System.nanoTime() - start) / 1_000_000.0);
      } catch (IOException e) {
        failures.merge(ProbeFailure.classify(e).word(), 1, Integer::sum);
      }
    }
    String outcome = times.size() * 2 >= tried && !times.isEmpty() ? "ok"
        : failures.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("timeout");
    return new TcpProbe(ts, host, port, tried, times.size(), median(times), outcome);
  }

  static Double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return null;
    }
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    double m = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    return Math.round(m * 10) / 10.0;
  }
}

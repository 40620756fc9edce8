package io.streamdoctor.evidence;

/**
 * TCP connects to {@code host:port}. {@code outcome} (of the majority of attempts): ok, refused,
 * reset, timeout, unreachable, dns (the name did not resolve), error. {@code medianConnectMs} is
 * null when no attempt connected.
 */
public record TcpProbe(double ts, String host, int port, int attempts, int successes,
    Double medianConnectMs, String outcome) implements Evidence {
  @Override
  public TcpProbe withTs(double t) {
    return new TcpProbe(t, host, port, attempts, successes, medianConnectMs, outcome);
  }

  public double lossRatio() {
    return attempts == 0 ? 0 : 1.0 - (double) successes / attempts;
  }
}

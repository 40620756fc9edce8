package io.streamdoctor.probe;

import io.streamdoctor.config.Endpoint;
import io.streamdoctor.config.Targets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where a probe connects for a host: the configured override ("ip:port", for the lab and tests;
 * the name still goes into SNI and Host headers) or the system resolver's first address.
 */
public final class ConnectTarget {
  private ConnectTarget() {}

  public static InetSocketAddress of(Targets targets, String host, int port) throws UnknownHostException {
    String override = targets.connect().get(host);
    if (override != null) {
      return Endpoint.parse(override, port);
    }
    return new InetSocketAddress(InetAddress.getByName(host), port);
  }
}

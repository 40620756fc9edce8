package io.streamdoctor.platform;

/** Cumulative system-wide TCP counters (RFC 4022 tcpOutSegs, tcpRetransSegs). */
public record TcpCounters(long outSegs, long retransSegs) {}

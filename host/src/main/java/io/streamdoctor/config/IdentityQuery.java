package io.streamdoctor.config;

/**
 * A "whoami" query: a TXT name whose answer is the address the authoritative server saw, sent to
 * {@code server} ("system" = each system resolver) in class IN or CH (CHAOS).
 */
public record IdentityQuery(String name, String dclass, String server) {}

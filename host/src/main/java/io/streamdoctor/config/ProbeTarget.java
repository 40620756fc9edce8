package io.streamdoctor.config;

/**
 * One post-mortem target as configuration names it: a host of a configured {@link Site} and that
 * site's port and TLS setting. Never built from what a page chose (the stream's port, path or an
 * unlisted host): see {@link SiteScope}.
 */
public record ProbeTarget(Site site, String host, int port, boolean tls) {}

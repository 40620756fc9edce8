package io.streamdoctor.lab.http;

import java.io.IOException;

/** Serves one request; owns the exchange until it returns (and must end it). */
@FunctionalInterface
public interface Handler {
  void handle(Request request, Exchange exchange) throws IOException, InterruptedException;
}

package io.streamdoctor.cli;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.Json;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.net.Monitors;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.timeline.HostClock;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = "Watch the OS network state and print each change (interfaces, addresses, routes, VPN,"
        + " DNS servers, TCP retransmissions, proxy, Wi-Fi) as it happens.")
public final class MonitorCommand implements Callable<Integer> {
  @Option(names = "--json", description = "One JSON object per line (the evidence as recorded).")
  boolean json;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", description = "Stop after this long (0: until interrupted).")
  long durationS;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostClock clock = HostClock.system();
    CountDownLatch never = new CountDownLatch(1);
    // Load the JSON machinery before the first real change: a cold Jackson would delay it.
    Json.MAPPER.valueToTree(new io.streamdoctor.evidence.NetworkChange(0, "warmup", null, null));
    try (Monitors m = Monitors.standard(Platform.current(), clock)) {
      m.start(ev -> print(out, ev));
      m.awaitBaseline(5_000);
      err.println("monitor: ready");
      err.flush();
      if (durationS > 0) {
        never.await(durationS, TimeUnit.SECONDS);
      } else {
        never.await();
      }
    }
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, Evidence ev) {
    synchronized (out) {
      if (json) {
        out.println(Json.MAPPER.valueToTree(ev).toString());
      } else {
        var n = Json.MAPPER.valueToTree(ev);
        String type = n.path("type").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove(java.util.List.of("type", "ts"));
        out.println(Instant.ofEpochMilli((long) ev.ts()) + "  " + type + "  " + n);
      }
      out.flush();
    }
  }
}

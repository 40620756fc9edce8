package io.streamdoctor.cli;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.Json;
import io.streamdoctor.dns.FlushJson;
import io.streamdoctor.dns.FlushResult;
import io.streamdoctor.platform.Platform;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "flush-dns",
    mixinStandardHelpOptions = true,
    description = {"Flush the operating system's DNS caches and say exactly what was flushed, what was denied and why.",
        "macOS asks for an administrator password through its own dialog; nothing is escalated silently."})
public final class FlushDnsCommand implements Callable<Integer> {
  @Option(names = "--dry-run", description = "Only show what would run.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the result as JSON (the flush.result shape of docs/protocol.md).")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    FlushResult r = Platform.current().dnsFlusher().flush(dryRun);
    if (json) {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(FlushJson.of(r)));
    } else {
      r.lines().forEach(out::println);
    }
    out.flush();
    return r.allOk() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}

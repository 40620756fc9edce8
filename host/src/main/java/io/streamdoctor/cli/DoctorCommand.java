package io.streamdoctor.cli;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.Json;
import io.streamdoctor.config.Site;
import io.streamdoctor.config.Targets;
import io.streamdoctor.config.TargetsFile;
import io.streamdoctor.doctor.Doctor;
import io.streamdoctor.doctor.TextReport;
import io.streamdoctor.doctor.Verdict;
import io.streamdoctor.platform.Platform;
import io.streamdoctor.probe.TlsProber;
import io.streamdoctor.timeline.HostClock;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {"Check this machine and network for what breaks chat streams: interfaces, routes, proxy,"
        + " packet loss, DNS (system vs public vs DoH), TCP, TLS, WebSocket and status pages.",
        "Progress goes to stderr, the verdict to stdout. Exit code 0: healthy, 10: a problem was found."})
public final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--site", paramLabel = "SITE|HOST", description = "Check only this site id or host (repeatable).")
  List<String> sites;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "7", description = "Deadline for all probes (default ${DEFAULT-VALUE}).")
  int timeoutS;

  @Mixin TargetOptions targetOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Targets targets;
    try {
      targets = targetOptions.resolve();
    } catch (TargetsFile.BadTargets e) {
      err.println("streamdoctor doctor: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (timeoutS < 1 || timeoutS > 60) {
      err.println("streamdoctor doctor: --timeout must be between 1 and 60 seconds");
      return ExitCodes.USAGE;
    }
    List<String> which = sites != null ? sites : targets.sites().stream().map(Site::id).toList();
    Doctor.Report r = new Doctor(Platform.current(), targets, HostClock.system(), TlsProber.jdkTrust(), err)
        .run(which, timeoutS * 1000L);
    if (json) {
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(TextReport.json(r)));
      out.flush();
    } else {
      TextReport.print(r, out);
    }
    return Verdict.healthy(r.findings()) ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
  }
}

package io.streamdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.ExitCodes;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.diagnosis.Engine;
import io.streamdoctor.diagnosis.RuleResult;
import io.streamdoctor.nativemsg.DiagnosisMessages;
import io.streamdoctor.record.Replayer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Diagnose every break in a recorded host session, deterministically and offline.")
public final class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A recording (JSON Lines) made with 'host --record'.")
  Path file;

  @Option(names = "--json", description = "Print {\"breaks\":[...]} as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file)) {
      err.println("streamdoctor replay: cannot read " + file);
      return ExitCodes.FAILURE;
    }
    List<Diagnosis> verdicts;
    try {
      verdicts = new Replayer(Engine.standard()).replay(file);
    } catch (Replayer.BadRecording e) {
      err.println("streamdoctor replay: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      ArrayNode breaks = root.putArray("breaks");
      verdicts.forEach(d -> breaks.add(DiagnosisMessages.breakNode(d)));
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      printText(out, verdicts);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void printText(PrintWriter out, List<Diagnosis> verdicts) {
    if (verdicts.isEmpty()) {
      out.println("No breaks in this recording.");
    }
    for (Diagnosis d : verdicts) {
      out.printf("Break %s  site=%s  symptom=%s%n", d.breakId(), d.site(), d.symptom());
      for (RuleResult.Finding f : d.findings()) {
        out.printf("  %-28s %3.0f%%%n", f.cause(), f.confidence() * 100);
        f.evidence().forEach(l -> out.printf("      %+7d ms  %s%n", l.atMs(), l.text()));
        out.printf("      remedies: %s%n", String.join(", ", f.remedies()));
      }
      d.ruledOut().forEach(r -> out.printf("  ruled out %s: %s%n", r.cause(), r.why()));
    }
  }
}

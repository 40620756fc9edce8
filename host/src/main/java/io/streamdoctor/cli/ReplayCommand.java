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
import java.nio.charset.CharacterCodingException;
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
  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description =
          "Recordings (JSON Lines) made with 'host --record'. Each is replayed on its own, with a"
              + " fresh pipeline and clock.")
  List<Path> files;

  @Option(
      names = "--json",
      description =
          "Print {\"breaks\":[...]} as JSON; with several files, one such object per line, each"
              + " with its \"file\".")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path file : files) {
      String why = Problems.unreadable(file);
      if (why != null) {
        err.println("streamdoctor replay: " + why);
        return ExitCodes.FAILURE;
      }
    }
    // One engine for every file: each replay still gets its own pipeline, clock and timeline.
    Replayer replayer = new Replayer(Engine.standard());
    boolean several = files.size() > 1;
    for (Path file : files) {
      List<Diagnosis> verdicts;
      try {
        verdicts = replayer.replay(file);
      } catch (Replayer.BadRecording e) {
        err.println("streamdoctor replay: " + Problems.plain(e.getMessage()));
        return ExitCodes.FAILURE;
      } catch (CharacterCodingException e) {
        err.println("streamdoctor replay: " + file + " is not a recording (it is not UTF-8 text):"
            + " pass a .jsonl file written by 'streamdoctor host --record'");
        return ExitCodes.FAILURE;
      }
      if (json) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        if (several) {
          root.put("file", file.toString());
        }
        ArrayNode breaks = root.putArray("breaks");
        verdicts.forEach(d -> breaks.add(DiagnosisMessages.breakNode(d)));
        out.println(
            several
                ? Json.MAPPER.writeValueAsString(root)
                : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      } else {
        if (several) {
          out.println("== " + file);
        }
        printText(out, verdicts);
      }
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

package io.streamdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.ExitCodes;
import io.streamdoctor.Json;
import io.streamdoctor.diagnosis.RuleResult.Finding;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistoryRecord;
import io.streamdoctor.history.HistorySink;
import io.streamdoctor.history.HistoryStore;
import io.streamdoctor.platform.AppDirs;
import io.streamdoctor.report.HistoryCommands;
import io.streamdoctor.report.Labels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "List recorded breaks, newest first, and the patterns across them.")
public final class HistoryCliCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print {\"breaks\":[...],\"patterns\":[...]} as JSON.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "How many breaks to list (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--db", paramLabel = "FILE", description = "History database (default: <data dir>/history.db).")
  Path db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (limit < 1) {
      spec.commandLine().getErr().println("streamdoctor history: --limit must be at least 1");
      return ExitCodes.USAGE;
    }
    Path file = db != null ? db : HistorySink.file(AppDirs.current());
    List<HistoryRecord> breaks = List.of();
    List<Finding> patterns = List.of();
    if (Files.exists(file)) {
      try (HistoryStore store = HistoryStore.open(file, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
        breaks = store.recent(limit);
        patterns = store.patterns(System.currentTimeMillis(), ZoneId.systemDefault());
      }
    }
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      ArrayNode list = root.putArray("breaks");
      breaks.forEach(r -> list.add(HistoryCommands.entry(r)));
      root.set("patterns", Json.MAPPER.valueToTree(patterns));
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      text(out, breaks, patterns);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void text(PrintWriter out, List<HistoryRecord> breaks, List<Finding> patterns) {
    if (breaks.isEmpty()) {
      out.println("No breaks recorded yet.");
      return;
    }
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
        .withZone(ZoneId.systemDefault());
    out.printf("%-16s  %-10s  %-28s  %5s  %-8s  %s%n", "when", "site", "cause", "conf", "stage", "break");
    for (HistoryRecord r : breaks) {
      String conf = r.diagnosis().findings().isEmpty() ? "" :
          Math.round(r.diagnosis().findings().get(0).confidence() * 100) + "%";
      out.printf("%-16s  %-10s  %-28s  %5s  %-8s  %s%n", f.format(Instant.ofEpochMilli(r.ts())),
          r.site(), r.topCause() == null ? "-" : r.topCause(), conf, r.stage(), r.breakId());
    }
    for (Finding p : patterns) {
      out.printf("%nPattern: %s (%s, %d%%)%n", Labels.cause(p.cause()), p.cause(),
          Math.round(p.confidence() * 100));
      out.println("  " + p.evidence().get(0).text());
    }
    if (!patterns.isEmpty()) {
      out.println();
    }
    out.println("Details: streamdoctor report --id BREAK --format html --out report.html");
  }
}

package io.streamdoctor.cli;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.history.HistoryConfig;
import io.streamdoctor.history.HistorySink;
import io.streamdoctor.history.HistoryStore;
import io.streamdoctor.platform.AppDirs;
import io.streamdoctor.report.HistoryCommands;
import io.streamdoctor.report.Report;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {"Write a report on one break: verdict, evidence, remedies and a timeline of the stream.",
        "The HTML report is one self-contained file to attach to a support ticket; it holds no"
            + " prompt or answer text."})
public final class ReportCliCommand implements Callable<Integer> {
  static final class Which {
    @Option(names = "--last", description = "The newest break (the default).")
    boolean last;

    @Option(names = "--id", paramLabel = "ID", description = "The break with this id (see 'streamdoctor history').")
    String id;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Which which;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
      description = "md, json or html (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path outFile;

  @Option(names = "--db", paramLabel = "FILE", description = "History database (default: <data dir>/history.db).")
  Path db;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Report.Format fmt;
    try {
      fmt = Report.Format.parse(format);
    } catch (IllegalArgumentException e) {
      err.println("streamdoctor report: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String id = which == null ? null : which.id;
    Path file = db != null ? db : HistorySink.file(AppDirs.current());
    if (!Files.exists(file)) {
      err.println("streamdoctor report: no breaks recorded yet (" + file + " does not exist)");
      return ExitCodes.FAILURE;
    }
    Optional<Report> report;
    try (HistoryStore store = HistoryStore.open(file, HistoryConfig.DEFAULT, System::currentTimeMillis)) {
      report = HistoryCommands.find(store, id, System.currentTimeMillis(), ZoneId.systemDefault());
    }
    if (report.isEmpty()) {
      err.println("streamdoctor report: " + (id == null ? "no breaks recorded yet" : "no break '" + id + "' in history"));
      return ExitCodes.FAILURE;
    }
    String content = report.get().render(fmt);
    if (outFile != null) {
      Files.writeString(outFile, content, StandardCharsets.UTF_8);
      err.println("streamdoctor report: wrote " + outFile);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(content);
      out.flush();
    }
    return ExitCodes.OK;
  }
}

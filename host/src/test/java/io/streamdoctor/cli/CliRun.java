package io.streamdoctor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process, as Cli.run wires it (minus the exit), capturing output. */
final class CliRun {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    picocli.CommandLine cl = new picocli.CommandLine(new Cli());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    Cli.configure(cl);
    return cl.execute(args);
  }
}

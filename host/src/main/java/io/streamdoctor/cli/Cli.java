package io.streamdoctor.cli;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.Version;
import io.streamdoctor.installer.InstallCommand;
import io.streamdoctor.installer.StatusCommand;
import io.streamdoctor.installer.UninstallCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: conventional help, version, subcommands, errors on stderr. */
@Command(
    name = "streamdoctor",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Explains why AI-chat answer streams break.",
    subcommands = {HostCommand.class, ReplayCommand.class, io.streamdoctor.lab.LabCommand.class,
      InstallCommand.class, UninstallCommand.class, StatusCommand.class,
      HistoryCliCommand.class, ReportCliCommand.class,
      DoctorCommand.class, FlushDnsCommand.class, MonitorCommand.class,
      CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success", "1:failure", "2:usage error", "3:protocol error (host)",
      "4:caller not allowed (host)", "10:a problem was found (doctor, status)"
    })
public final class Cli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Cli());
    configure(cl);
    return cl.execute(args);
  }

  /** The error handlers: one plain line per problem (Problems), near commands for a typo. */
  static void configure(CommandLine cl) {
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      line.getErr().println("streamdoctor: " + Problems.describe(ex));
      return ExitCodes.FAILURE;
    });
    cl.setParameterExceptionHandler(Cli::usageError);
  }

  /** A mistyped command gets the commands it is near; other usage errors keep picocli's text. */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine line = ex.getCommandLine();
    if (ex instanceof CommandLine.UnmatchedArgumentException u
        && line.getCommandSpec().parent() == null
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-")
        && args.length > 0
        && args[0].equals(u.getUnmatched().get(0))) {
      String typed = args[0];
      java.util.List<String> near = Suggestions.near(typed, line.getSubcommands().keySet());
      line.getErr().println("streamdoctor: '" + typed + "' is not a command."
          + (near.isEmpty() ? "" : " Did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList()) + "?")
          + " See 'streamdoctor --help'.");
      return ExitCodes.USAGE;
    }
    line.getErr().println("streamdoctor: " + ex.getMessage());
    line.getErr().println("See 'streamdoctor " + (line.getCommandSpec().parent() == null ? "" : line.getCommandName() + " ") + "--help'.");
    return ExitCodes.USAGE;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Reads the version Maven filtered into the jar. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"streamdoctor " + Version.get() + " (protocol " + Version.PROTOCOL + ")"};
    }
  }
}

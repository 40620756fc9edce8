package io.streamdoctor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Help text for host mode. The mode itself never reaches picocli: Main recognises it first (see
 * Main.isHostMode), so this runs only when asked for help.
 */
@Command(
    name = "host",
    mixinStandardHelpOptions = true,
    description = {
      "Run as the browser's native-messaging host: framed JSON on stdin/stdout.",
      "Browsers start it with their own arguments (chrome-extension://ID/, or a manifest path"
          + " and an add-on id); you rarely need to run it by hand."
    })
public final class HostCommand implements Callable<Integer> {
  @Option(names = "--record", paramLabel = "FILE",
      description = "Record the session as JSON Lines for 'streamdoctor replay' (also: STREAMDOCTOR_RECORD).")
  Path record;

  @Override
  public Integer call() {
    return 0;
  }
}

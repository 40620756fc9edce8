package io.streamdoctor.installer;

import io.streamdoctor.ExitCodes;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = {
      "Remove everything 'streamdoctor install' wrote, as listed in its install receipt: host"
          + " manifests, registry keys, launcher, jar, class-data archive, private Java runtime, extra extension ids, and"
          + " the folders it created when they are empty. Nothing else.",
      "Your history, settings and logs stay unless --purge. Running it twice is harmless."
    })
public final class UninstallCommand implements Callable<Integer> {
  @Option(names = "--system", description = "Remove the machine-wide install.")
  boolean system;

  @Option(names = "--purge", description = "Also delete history, settings and logs (per-user install).")
  boolean purge;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Layout layout = Layout.of(Platform.current(), system ? Scope.SYSTEM : Scope.USER);
    try {
      int problems = new Uninstaller(layout, spec.commandLine().getOut()).uninstall(purge);
      spec.commandLine().getOut().flush();
      return problems == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    } catch (IOException e) {
      spec.commandLine().getErr().println("streamdoctor uninstall: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }
}

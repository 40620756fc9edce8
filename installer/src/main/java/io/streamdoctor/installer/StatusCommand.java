package io.streamdoctor.installer;

import io.streamdoctor.ExitCodes;
import io.streamdoctor.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "For each registered browser, print OK or exactly what is wrong (registry key, manifest"
          + " missing/unreadable/invalid/wrong origin, path not executable, Java missing), after"
          + " starting the host exactly as that browser would and reading its hello.",
      "NOTE lines name traps: Snap/Flatpak browsers, installs made as root, AppArmor, stdout"
          + " pollution. Lines are explained in docs/install.md."
    })
public final class StatusCommand implements Callable<Integer> {
  @Option(names = "--system", description = "Check the machine-wide install.")
  boolean system;

  @Option(names = "--browser", paramLabel = "NAME", converter = BrowserConverter.class,
      description = "Check this browser only (repeatable).")
  List<Browser> browsers = new ArrayList<>();

  @Option(names = "--profile-dir", paramLabel = "DIR",
      description = "Check DIR/NativeMessagingHosts/ (a Chromium started with --user-data-dir=DIR).")
  Path profileDir;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
      description = "How long to wait for the host's hello (default: ${DEFAULT-VALUE}).")
  int timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Layout layout = Layout.of(Platform.current(), system ? Scope.SYSTEM : Scope.USER);
    Optional<Receipt> receipt;
    try {
      receipt = Receipt.read(layout.receiptFile());
    } catch (IOException e) {
      spec.commandLine().getErr().println("streamdoctor status: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    List<Registration> installed = receipt.map(Receipt::toRegistrations).orElse(List.of());
    List<Registration> regs = new ArrayList<>();
    List<Browser> unregistered = new ArrayList<>();
    if (profileDir != null) {
      (browsers.isEmpty() ? List.of(Browser.CHROMIUM) : browsers)
          .forEach(b -> regs.add(layout.profileRegistration(b, profileDir)));
    } else if (!browsers.isEmpty()) {
      for (Browser b : browsers) {
        List<Registration> mine = installed.stream().filter(r -> r.browser() == b).toList();
        regs.addAll(mine.isEmpty() ? layout.registration(b).map(List::of).orElse(List.of()) : mine);
      }
    } else {
      regs.addAll(installed);
      unregistered.addAll(StatusChecker.unregistered(layout, installed));
    }
    out.println("StreamDoctor " + Version.get() + ", " + layout.scope().name().toLowerCase(java.util.Locale.ROOT)
        + " install, receipt " + layout.receiptFile() + (receipt.isPresent() ? "" : " (none: not installed)"));
    if (regs.isEmpty()) {
      unregistered.forEach(b -> out.printf("%-5s %-14s %s%n", "--", b.id(), "present but not registered"));
      out.println("Nothing is registered: run 'streamdoctor install'.");
      out.flush();
      return ExitCodes.PROBLEM_FOUND;
    }
    return report(layout, regs, unregistered, out, timeout);
  }

  /** Prints one line per registration plus notes; returns OK or PROBLEM_FOUND. */
  static int report(Layout layout, List<Registration> regs, List<Browser> unregistered, PrintWriter out,
      int timeoutS) {
    Platform platform = layout.platform();
    StatusChecker checker = new StatusChecker(platform, new HopProbe(platform.os(), Duration.ofSeconds(timeoutS)));
    Traps traps = new Traps(platform, layout.scope());
    boolean allOk = true;
    for (Registration r : regs) {
      StatusChecker.Line line = checker.check(r);
      allOk &= line.ok();
      out.printf("%-5s %-14s %s%n", line.ok() ? "OK" : "FAIL", r.label(), line.detail());
      traps.forBrowser(r.browser()).forEach(n -> out.printf("%-5s %-14s %s%n", "NOTE", r.browser().id(), n));
      out.flush();
    }
    unregistered.forEach(b -> out.printf("%-5s %-14s %s%n", "--", b.id(),
        "present but not registered (streamdoctor install --browser " + b.id() + ")"));
    traps.general(regs).forEach(n -> out.printf("%-5s %-14s %s%n", "NOTE", "install", n));
    if (!allOk) {
      traps.apparmorDenials(layout.appDir()).forEach(n -> out.printf("%-5s %-14s %s%n", "NOTE", "apparmor", n));
    }
    out.println(allOk ? "All registered browsers can reach the host." : "Some browsers cannot reach the host (FAIL lines above).");
    out.flush();
    return allOk ? ExitCodes.OK : ExitCodes.PROBLEM_FOUND;
  }
}

package io.streamdoctor.installer;

import io.streamdoctor.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Register the native-messaging host with your browsers: copies this jar to a stable folder,"
          + " writes a launcher that starts Java by absolute path (on JDK 17 through a private runtime"
          + " linked with only the host's modules, used while that JDK is not updated), a class-data"
          + " archive, one host manifest per browser"
          + " (registry keys on Windows) and an install receipt, then checks the real hop"
          + " (as 'streamdoctor status' does).",
      "Without --browser it registers every supported browser found on this machine.",
      "",
      "Chromium with its own profile folder: a Chromium started with --user-data-dir=DIR reads"
          + " host manifests from DIR/NativeMessagingHosts/ (and the machine-wide folder), not from"
          + " ~/.config/chromium. Register into such a profile with:",
      "  streamdoctor install --browser chromium --profile-dir DIR",
      "which writes DIR/NativeMessagingHosts/io.streamdoctor.host.json. Run it before or after the"
          + " browser starts: the manifest is read at every connectNative.",
      "",
      "Safe to run again (upgrade, repair); 'streamdoctor uninstall' removes exactly what it wrote."
    })
public final class InstallCommand implements Callable<Integer> {
  @Option(names = "--system", description = "Machine-wide (needs root/admin) instead of for this user.")
  boolean system;

  @Option(names = "--browser", paramLabel = "NAME", converter = BrowserConverter.class,
      description = "Register with this browser only (repeatable): chrome, chrome-beta, chrome-dev,"
          + " chrome-canary, chromium, edge, brave, vivaldi, opera, firefox, librewolf.")
  List<Browser> browsers = new ArrayList<>();

  @Option(names = "--profile-dir", paramLabel = "DIR",
      description = "Register into DIR/NativeMessagingHosts/ for a Chromium-family browser started with"
          + " --user-data-dir=DIR (default browser: chromium).")
  Path profileDir;

  @Option(names = "--extension-id", paramLabel = "ID",
      description = "Also serve this extension (repeatable): a Chrome id (32 letters a-p) or a Firefox"
          + " add-on id, e.g. for a store build. Kept for later installs.")
  List<String> extensionIds = new ArrayList<>();

  @Option(names = "--java", paramLabel = "PATH",
      description = "Absolute path of the java the launcher starts (default: the one running this).")
  Path java;

  @Option(names = "--jar", paramLabel = "FILE", description = "The jar to install (default: the running one).")
  Path jar;

  @Option(names = "--no-archive", description = "Skip the class-data archive (CDS/AOT) training run.")
  boolean noArchive;

  @Option(names = "--relocate-archive", description = "Let the JVM map the class-data archive at a new random"
      + " address at every start (its default; ~5-7 ms slower) instead of at a random address drawn for this"
      + " install (x86-64, JDK 17-18 and 25+; see docs/security.md).")
  boolean relocateArchive;

  @Option(names = "--no-link", description = "Run the host on the given Java as is: no private runtime"
      + " with only the host's modules (linked on JDK 17, where it starts faster and smaller).")
  boolean noLink;

  @Option(names = "--no-verify", description = "Do not start the host to check the hop after installing.")
  boolean noVerify;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Platform platform = Platform.current();
    Layout layout = Layout.of(platform, system ? Scope.SYSTEM : Scope.USER);
    List<String> ids = new ArrayList<>();
    try {
      extensionIds.forEach(i -> ids.add(ExtensionIds.normalize(i)));
      String appPath = System.getProperty("jpackage.app-path");
      Path packaged = appPath == null ? null : Path.of(appPath).toAbsolutePath();
      JavaRuntime runtime = java != null ? JavaRuntime.probe(java) : JavaRuntime.current(platform.os());
      Path source = packaged != null ? null : (jar != null ? jar.toAbsolutePath() : runningJar());
      Installer.Options o = new Installer.Options(browsers, profileDir, ids, runtime, source, packaged,
          !noArchive, !noLink, relocateArchive);
      new Traps(platform, layout.scope()).general(List.of()).forEach(n -> out.println("note: " + n));
      Receipt receipt = new Installer(layout, out).install(o);
      out.flush();
      if (noVerify) {
        return ExitCodes.OK;
      }
      out.println();
      return StatusCommand.report(layout, receipt.toRegistrations(), List.of(), out, 15);
    } catch (IllegalArgumentException e) {
      err.println("streamdoctor install: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("streamdoctor install: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  /** The jar this code runs from; a class folder (IDE, tests) is not installable. */
  static Path runningJar() throws IOException {
    try {
      Path p = Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
        return p;
      }
      throw new IOException("not running from a jar (" + p + "); pass --jar FILE");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new IOException("cannot tell which jar is running; pass --jar FILE", e);
    }
  }
}

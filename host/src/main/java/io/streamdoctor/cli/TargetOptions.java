package io.streamdoctor.cli;

import io.streamdoctor.config.Endpoint;
import io.streamdoctor.config.Site;
import io.streamdoctor.config.Targets;
import io.streamdoctor.config.TargetsFile;
import io.streamdoctor.platform.AppDirs;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags that override the probe targets: defaults ← config dir targets.json ← --targets ← flags. */
public final class TargetOptions {
  @Option(names = "--targets", paramLabel = "FILE", description = "A targets JSON file (see docs/evidence.md).")
  Path file;

  @Option(names = "--resolver", paramLabel = "IP[:PORT]", description = "Public resolver to compare with (repeatable; default 1.1.1.1 and 8.8.8.8).")
  List<String> resolvers;

  @Option(names = "--system-resolver", paramLabel = "IP[:PORT]", description = "Use this as the system resolver instead of the OS's (repeatable).")
  List<String> systemResolvers;

  @Option(names = "--doh", paramLabel = "URL", description = "DNS-over-HTTPS endpoint, or 'none'.")
  String doh;

  @Option(names = "--lab", paramLabel = "URL", description = "Check against a running 'streamdoctor lab' at URL instead of the real chat sites; no public resolver is asked.")
  URI lab;

  public Targets resolve() throws TargetsFile.BadTargets {
    Targets t = TargetsFile.load(AppDirs.current().config());
    if (file != null) {
      t = TargetsFile.load(file, t);
    }
    if (lab != null) {
      t = forLab(t, lab);
    }
    if (resolvers != null || systemResolvers != null || doh != null) {
      List<String> pub = resolvers != null ? resolvers : t.publicResolvers();
      List<String> sys = systemResolvers != null ? systemResolvers : t.systemResolvers();
      String d = doh == null ? t.dohUrl() : doh.equals("none") ? null : doh;
      for (String r : concat(pub, sys)) {
        try {
          Endpoint.parse(r, 53);
        } catch (IllegalArgumentException e) {
          throw new TargetsFile.BadTargets("--resolver/--system-resolver: " + e.getMessage());
        }
      }
      t = t.withResolvers(sys, pub, d);
    }
    return t;
  }

  /**
   * The lab is one local site: its host and port from the URL, TLS when https, its status page at
   * /api/v2/summary.json. Public resolvers, DoH and identity queries are dropped so nothing leaves
   * the machine.
   */
  static Targets forLab(Targets base, URI lab) throws TargetsFile.BadTargets {
    if (lab.getHost() == null || lab.getScheme() == null || !lab.getScheme().startsWith("http")) {
      throw new TargetsFile.BadTargets("--lab needs an http(s) URL, e.g. http://127.0.0.1:8443");
    }
    boolean tls = lab.getScheme().equals("https");
    int port = lab.getPort() > 0 ? lab.getPort() : tls ? 443 : 80;
    String origin = lab.getScheme() + "://" + lab.getAuthority();
    Site site = new Site("lab", List.of(lab.getHost()), null, origin + "/api/v2/summary.json", port, tls);
    return new Targets(base.systemResolvers(), List.of(), null, List.of(), List.of(site), base.expectedIssuers(), Map.of());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}

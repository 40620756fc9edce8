package io.streamdoctor.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.evidence.DnsProbe;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ResolverIdentity;
import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.evidence.TcpProbe;
import io.streamdoctor.evidence.TlsProbe;
import io.streamdoctor.evidence.WsProbe;
import java.io.PrintWriter;

/** The doctor's report for people (stdout) and as JSON ({@code --json}). */
public final class TextReport {
  private TextReport() {}

  public static void print(Doctor.Report r, PrintWriter out) {
    boolean healthy = Verdict.healthy(r.findings());
    out.println(healthy ? "Verdict: HEALTHY — nothing found that would break chat streams."
        : "Verdict: PROBLEM FOUND — see the lines marked '!!'.");
    out.println();
    for (Finding f : r.findings()) {
      String mark = switch (f.level()) {
        case "problem" -> "!!";
        case "warning" -> " ?";
        default -> "ok";
      };
      out.printf("%s %s%s%s%n", mark, f.site() == null ? "" : f.site() + ": ", f.text(),
          f.cause() == null ? "" : "  [" + f.cause() + "]");
    }
    out.println();
    out.println("Details:");
    r.bySite().forEach((site, ev) -> {
      out.println("  " + site);
      ev.forEach(e -> out.println("    " + line(e)));
    });
    out.printf("Done in %d ms.%n", r.durationMs());
    out.flush();
  }

  static String line(Evidence e) {
    if (e instanceof DnsProbe d) {
      return String.format("dns  %-6s %-22s %-8s %s %.0f ms%s%s", d.resolverKind(), d.resolver(), d.outcome(),
          d.answers(), d.latencyMs(), d.bogon() ? " BOGON" : "", d.disagrees() ? " DIFFERS" : "");
    }
    if (e instanceof ResolverIdentity r) {
      return String.format("id   %-29s %-8s %s asked %s", r.resolver(), r.outcome(), r.egress() == null ? "-" : r.egress(), r.query());
    }
    if (e instanceof TcpProbe t) {
      return String.format("tcp  %s:%d %s %d/%d connects, median %s ms", t.host(), t.port(), t.outcome(),
          t.successes(), t.attempts(), t.medianConnectMs() == null ? "-" : String.format("%.1f", t.medianConnectMs()));
    }
    if (e instanceof TlsProbe t) {
      return "tls  " + t.host() + " " + t.outcome() + (t.issuer() == null ? "" : ", issuer " + t.issuer())
          + (t.outcome().equals("ok") && !t.expectedIssuer() ? " (unexpected issuer)" : "");
    }
    if (e instanceof WsProbe w) {
      return "ws   " + w.host() + " " + w.outcome() + (w.httpStatus() == null ? "" : " HTTP " + w.httpStatus());
    }
    if (e instanceof StatusPage s) {
      return "status page: " + s.indicator() + (s.affected().isEmpty() ? "" : " " + s.affected());
    }
    return Json.MAPPER.valueToTree(e).toString();
  }

  public static ObjectNode json(Doctor.Report r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("verdict", Verdict.healthy(r.findings()) ? "healthy" : "problem");
    root.put("durationMs", r.durationMs());
    ArrayNode findings = root.putArray("findings");
    r.findings().forEach(f -> findings.add(Json.MAPPER.valueToTree(f)));
    root.set("network", Json.MAPPER.valueToTree(r.net()));
    ArrayNode local = root.putArray("local");
    r.local().forEach(e -> local.add(Json.MAPPER.valueToTree(e)));
    ObjectNode sites = root.putObject("sites");
    r.bySite().forEach((s, ev) -> {
      ArrayNode a = sites.putArray(s);
      ev.forEach(e -> a.add(Json.MAPPER.valueToTree(e)));
    });
    return root;
  }

}

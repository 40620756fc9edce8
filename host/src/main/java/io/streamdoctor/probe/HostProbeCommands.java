package io.streamdoctor.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Json;
import io.streamdoctor.config.ProbeTarget;
import io.streamdoctor.config.SiteScope;
import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.dns.DnsFlusher;
import io.streamdoctor.dns.FlushJson;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.nativemsg.Command;
import io.streamdoctor.nativemsg.ErrorCode;
import io.streamdoctor.nativemsg.ProtocolException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host's {@code probe} and {@code flush_dns} commands (docs/protocol.md). Probe evidence also
 * goes to {@code sink} (the pipeline and the recording), so a later diagnosis can use it.
 */
public final class HostProbeCommands {
  private HostProbeCommands() {}

  /**
   * {@code scope} fences the request like the automatic post-mortem: only a configured site's
   * hosts, on its configured port; anything else is error 107 and no packet is sent.
   */
  public static Command probe(PostMortem postMortem, SiteScope scope, Supplier<Diagnosis> latest, Consumer<Evidence> sink) {
    return Command.slow("probe", req -> {
      String site = text(req, "site");
      String host = text(req, "host");
      if (site == null && host == null) {
        Diagnosis d = latest.get();
        if (d == null) {
          throw new ProtocolException(ErrorCode.INVALID_FIELD, "probe needs 'site' or 'host' (no break seen yet to default to)");
        }
        site = d.site();
        host = hostOf(d.url());
      }
      ProbeTarget target = scope.forRequest(site, host).orElseThrow(() -> new ProtocolException(ErrorCode.INVALID_FIELD,
          "probe: not a configured chat site or host (targets.json 'sites')"));
      long start = System.nanoTime();
      List<Evidence> ev;
      try {
        // Bounded twice: the probes by their deadline, this wait by a margin beyond it.
        ev = postMortem.run(target, Deadline.in(PostMortem.DEFAULT_DEADLINE_MS))
            .get(PostMortem.DEFAULT_DEADLINE_MS + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ev = List.of();
      } catch (ExecutionException | TimeoutException e) {
        ev = List.of();
      }
      ev.forEach(sink);
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("type", "probe.result");
      n.put("site", target.site().id());
      n.put("host", target.host());
      n.put("durationMs", (System.nanoTime() - start) / 1_000_000);
      ArrayNode arr = n.putArray("evidence");
      ev.forEach(e -> arr.add(Json.MAPPER.valueToTree(e)));
      return n;
    });
  }

  public static Command flushDns(Supplier<DnsFlusher> flusher) {
    return Command.slow("flush_dns", req -> {
      boolean dry = req.path("dryRun").asBoolean(false);
      ObjectNode n = FlushJson.of(flusher.get().flush(dry));
      n.put("type", "flush.result");
      return n;
    });
  }

  static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(ObjectNode req, String field) {
    return req.hasNonNull(field) && req.get(field).isTextual() && !req.get(field).asText().isBlank()
        ? req.get(field).asText() : null;
  }

}

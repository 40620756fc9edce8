package io.streamdoctor.history;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.streamdoctor.evidence.BrowserProxy;
import io.streamdoctor.evidence.Connectivity;
import io.streamdoctor.evidence.CookieChanged;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ExtensionChanged;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.HookReplaced;
import io.streamdoctor.evidence.HttpStatus;
import io.streamdoctor.evidence.PageBanner;
import io.streamdoctor.evidence.PageInitFailed;
import io.streamdoctor.evidence.RequestError;
import io.streamdoctor.evidence.StreamEnded;
import io.streamdoctor.evidence.StreamEvent;
import io.streamdoctor.history.BreakSummary.Around;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The evidence around a break that is not the stream's own events, one short line each. The
 * detail is composed here from codes, numbers and sanitized URLs: no field is copied blindly.
 */
final class AroundLines {
  private AroundLines() {}

  static List<Around> of(String stream, List<Evidence> evidence, long breakTs, long before,
      long after, int max) {
    List<Around> out = new ArrayList<>();
    for (Evidence ev : evidence) {
      long at = Math.round(ev.ts() - breakTs);
      if (at < -before || at > after) {
        continue;
      }
      if (ev instanceof StreamEvent se) {
        // The stream's own events are its timeline (marks); other streams matter only when they end.
        if (se.stream() == null || se.stream().equals(stream) || !(ev instanceof StreamEnded e)) {
          continue;
        }
        out.add(new Around(at, "stream.end", "other stream " + Privacy.id(e.stream()) + " "
            + Privacy.code(e.outcome())));
        continue;
      }
      out.add(new Around(at, typeName(ev), detail(ev)));
    }
    // Closest to the break first when there are too many, then back in time order.
    out.sort(Comparator.comparingLong(a -> Math.abs(a.atMs())));
    List<Around> kept = new ArrayList<>(out.subList(0, Math.min(max, out.size())));
    kept.sort(Comparator.comparingLong(Around::atMs));
    return kept;
  }

  private static String typeName(Evidence ev) {
    JsonSubTypes types = Evidence.class.getAnnotation(JsonSubTypes.class);
    if (types != null) {
      for (JsonSubTypes.Type t : types.value()) {
        if (t.value() == ev.getClass()) {
          return t.name();
        }
      }
    }
    return ev.getClass().getSimpleName();
  }

  static String detail(Evidence ev) {
    if (ev instanceof RequestError e) {
      return Privacy.code(e.error()) + " on " + Privacy.url(e.url()) + type(e.resourceType());
    } else if (ev instanceof HttpStatus e) {
      return "HTTP " + e.status() + " on " + Privacy.url(e.url()) + type(e.resourceType())
          + (e.retryAfterS() == null ? "" : ", retry after " + Math.round(e.retryAfterS()) + " s");
    } else if (ev instanceof Connectivity e) {
      return e.online() ? "browser online" : "browser offline";
    } else if (ev instanceof BrowserProxy e) {
      return "proxy mode " + Privacy.code(e.mode());
    } else if (ev instanceof ExtensionChanged e) {
      return "extension " + Privacy.name(e.name()) + " " + Privacy.code(e.change());
    } else if (ev instanceof ExtensionInventory e) {
      return e.extensions().stream().filter(ExtensionInventory.Extension::enabled).count()
          + " extensions enabled";
    } else if (ev instanceof CookieChanged e) {
      return "session cookie " + Privacy.code(e.name()) + (e.removed() ? " removed" : " set")
          + " on " + Privacy.code(e.site());
    } else if (ev instanceof PageBanner e) {
      return "page showed " + Privacy.code(e.symptom()) + " (" + Privacy.code(e.pattern()) + ")";
    } else if (ev instanceof PageInitFailed e) {
      return "page failed to start: " + Privacy.code(e.reason());
    } else if (ev instanceof HookReplaced e) {
      return "page " + Privacy.code(e.api()) + " replaced " + Privacy.code(e.when()) + " our hook";
    }
    // Evidence types added later (OS monitors, probes) show by type until given a line here.
    return "";
  }

  private static String type(String resourceType) {
    return resourceType == null ? "" : " (" + Privacy.code(resourceType) + ")";
  }
}

package io.streamdoctor.report;

import io.streamdoctor.diagnosis.Diagnosis;
import io.streamdoctor.history.BreakSummary;
import java.util.Map;

/**
 * The report's headline in the words of what the user saw (issue 18): the page's own banner when
 * it showed one, otherwise what the stream did. The symptom id {@code message_stream_error} is
 * also the host's fallback when no banner was seen (docs/diagnosis.md "Symptoms"), so it is quoted
 * as a banner only when a {@code page.banner} was recorded around the break.
 */
final class HtmlHeadline {
  private static final Map<String, String> SITES = Map.of(
      "chatgpt", "ChatGPT", "claude", "Claude", "gemini", "Gemini", "copilot", "Copilot",
      "perplexity", "Perplexity", "lab", "the lab chat", "generic", "a web page");

  private HtmlHeadline() {}

  static String site(String id) {
    return id == null ? "an unknown site" : SITES.getOrDefault(id, id);
  }

  static boolean bannerSeen(BreakSummary s) {
    return s.around().stream().anyMatch(a -> a.type().equals("page.banner"));
  }

  /** "The answer stopped arriving on ChatGPT", "ChatGPT showed “Error in message stream”". */
  static String of(Diagnosis d, BreakSummary s) {
    String site = site(d.site());
    if (bannerSeen(s) && d.symptom() != null) {
      return capitalized(site) + " showed \u201c" + Labels.symptom(d.symptom()) + "\u201d";
    }
    boolean stalled = s.marks().stream().anyMatch(m -> m.kind().equals("stall"));
    String what = switch (d.symptom() == null ? "" : d.symptom()) {
      case "blank_page" -> "The chat page did not load";
      case "slow_stream" -> "The answer paused for a long time, then finished";
      case "bad_error" -> "The chat did not accept the session for the answer";
      case "something_went_wrong" -> "The service refused or failed the answer";
      case "network_error" -> "The answer never started";
      default -> stalled ? "The answer stopped arriving" : "The answer broke off";
    };
    return what + " on " + site;
  }

  /** How far the diagnosis got, in words (not the protocol's stage id). */
  static String stage(String stage) {
    return "probed".equals(stage) ? "network checked after the break"
        : "from the evidence at the time of the break";
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

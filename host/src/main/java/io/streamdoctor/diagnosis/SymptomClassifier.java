package io.streamdoctor.diagnosis;

import io.streamdoctor.evidence.PageBanner;
import java.util.List;

/** Names what the user saw (product brief section 1). */
public final class SymptomClassifier {
  private SymptomClassifier() {}

  public static String classify(BreakContext ctx) {
    TriggerKind kind = ctx.trigger().kind();
    if (kind == TriggerKind.PAGE) {
      return Symptoms.BLANK_PAGE;
    }
    if (kind == TriggerKind.RECOVERED || kind == TriggerKind.SLOW) {
      return Symptoms.SLOW_STREAM;
    }
    // What the page itself showed wins: it is literally the user's symptom.
    List<PageBanner> banners = ctx.near(PageBanner.class, 5_000, 10_000);
    for (PageBanner b : banners) {
      boolean sameTab = b.tabId() == null || ctx.tabId() == null || b.tabId().equals(ctx.tabId());
      if (sameTab && b.symptom() != null) {
        return b.symptom();
      }
    }
    if (kind == TriggerKind.PAGE_LOAD || kind == TriggerKind.CONNECTING) {
      return Symptoms.NETWORK_ERROR;
    }
    StreamInfo s = ctx.stream();
    Integer status = s.httpStatus();
    if (status != null && (status == 401 || status == 403)) {
      return Symptoms.BAD_ERROR;
    }
    if (status != null && (status >= 500 || status == 429)) {
      return Symptoms.SOMETHING_WENT_WRONG;
    }
    Integer close = s.closeCode();
    if (!s.errors().isEmpty() || (close != null && (close == 1011 || close == 1013 || close == 1014))) {
      return Symptoms.SOMETHING_WENT_WRONG;
    }
    if (!s.startedStreaming()) {
      return Symptoms.NETWORK_ERROR;
    }
    return Symptoms.MESSAGE_STREAM_ERROR;
  }
}

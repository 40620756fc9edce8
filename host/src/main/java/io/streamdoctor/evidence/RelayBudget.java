package io.streamdoctor.evidence;

/**
 * {@code browser.budget}: the worker dropped {@code streams} stream opens and {@code breaks} broken
 * stream ends of one tab and site since its last summary, because the page made more than its
 * budget allows (extension/background/budget.js). Counts only: no URL, no page text.
 */
public record RelayBudget(double ts, Integer tabId, String site, int streams, int breaks) implements Evidence {
  @Override
  public RelayBudget withTs(double t) {
    return new RelayBudget(t, tabId, site, streams, breaks);
  }
}

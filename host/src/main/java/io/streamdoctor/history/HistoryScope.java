package io.streamdoctor.history;

import java.util.Locale;

/**
 * The retention quota a break counts against. Breaks a page makes on hosts no configured site
 * lists are {@link #OTHER} and have their own, smaller quota, so however many a page produces they
 * can never push the user's chat-site breaks out of history (docs/history.md, retention).
 */
public enum HistoryScope {
  SITE, OTHER;

  /** The value in the {@code scope} column. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What {@code OTHER} may keep: a tenth of {@code maxBreaks}, at least one. */
  static int otherQuota(int maxBreaks) {
    return Math.max(1, maxBreaks / 10);
  }
}

package io.streamdoctor.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean" for a mistyped command: the commands within two edits (optimal string
 * alignment distance: insert, delete, substitute, or swap two neighbours), nearest first.
 * picocli's own suggestion for "repaly" named report, install and uninstall, never replay.
 */
final class Suggestions {
  private Suggestions() {}

  static List<String> near(String typed, Collection<String> names) {
    List<String> out = new ArrayList<>();
    for (int d = 1; d <= 2; d++) {
      for (String n : names) {
        if (distance(typed, n) == d) {
          out.add(n);
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
    }
    return out;
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

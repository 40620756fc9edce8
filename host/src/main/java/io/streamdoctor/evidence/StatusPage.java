package io.streamdoctor.evidence;

import java.util.List;

/**
 * A site's Statuspage v2 summary. {@code indicator}: none, minor, major, critical, or unknown
 * (redirect, HTML, timeout, bad JSON: never counted as an incident); {@code affected}: names of
 * components not "operational".
 */
public record StatusPage(double ts, String site, String indicator, List<String> affected)
    implements Evidence {
  @Override
  public StatusPage withTs(double t) {
    return new StatusPage(t, site, indicator, affected);
  }

  public boolean incident() {
    return "minor".equals(indicator) || "major".equals(indicator) || "critical".equals(indicator);
  }
}

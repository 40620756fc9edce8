package io.streamdoctor.lab;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request target split into path and query parameters (the first value of a key wins). */
public record Query(String path, Map<String, String> params) {
  private static final int MAX_PARAMS = 64;

  public static Query parse(String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Map<String, String> params = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : target.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        if (params.size() >= MAX_PARAMS) {
          throw new IllegalArgumentException("more than " + MAX_PARAMS + " query parameters");
        }
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.putIfAbsent(k, v);
      }
    }
    return new Query(path, params);
  }

  /** The last path segment: the exchange id the page chose ({@code /lab/sse/<id>}). */
  public String lastSegment() {
    int slash = path.lastIndexOf('/');
    return path.substring(slash + 1);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad percent-encoding in query: " + s);
    }
  }
}

package io.streamdoctor.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamdoctor.Ids;
import io.streamdoctor.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The native-messaging host manifest: written and checked here. Rules (Chrome "Native messaging",
 * MDN "Native manifests"): {@code name} equals the file name without .json; {@code type} is
 * "stdio"; {@code path} absolute on Linux and macOS; Chrome-family {@code allowed_origins} are
 * exact {@code chrome-extension://ID/} strings, trailing slash required, no wildcards; Firefox
 * {@code allowed_extensions} lists add-on ids. UTF-8 without a byte-order mark: Chrome rejects a BOM.
 */
public final class HostManifest {
  private HostManifest() {}

  /** Chrome origins for our built-in id plus extra bare ids, in a stable order. */
  public static List<String> chromeOrigins(List<String> extraIds) {
    List<String> out = new ArrayList<>(Ids.BUILT_IN_CHROME_ORIGINS);
    for (String id : extraIds) {
      if (ExtensionIds.isChromeId(id) && !out.contains(origin(id))) {
        out.add(origin(id));
      }
    }
    return out;
  }

  public static List<String> firefoxIds(List<String> extraIds) {
    List<String> out = new ArrayList<>(List.of(Ids.FIREFOX_ADDON_ID));
    for (String id : extraIds) {
      if (!ExtensionIds.isChromeId(id) && !out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  public static String origin(String chromeId) {
    return "chrome-extension://" + chromeId + "/";
  }

  public static byte[] render(Browser.Family family, Path hostPath, List<String> extraIds) {
    ObjectNode m = Json.MAPPER.createObjectNode();
    m.put("name", Ids.HOST_NAME);
    m.put("description", "StreamDoctor: explains why AI-chat answer streams break");
    m.put("path", hostPath.toString());
    m.put("type", "stdio");
    ArrayNode allowed = m.putArray(family == Browser.Family.FIREFOX ? "allowed_extensions" : "allowed_origins");
    (family == Browser.Family.FIREFOX ? firefoxIds(extraIds) : chromeOrigins(extraIds)).forEach(allowed::add);
    try {
      String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a browser would dislike about these bytes; the parsed {@code path} when there is one. */
  public record Check(List<String> problems, String path) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Check check(byte[] bytes, Browser.Family family, Os os) {
    List<String> problems = new ArrayList<>();
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      problems.add("manifest starts with a UTF-8 byte-order mark (Chrome rejects it)");
    }
    JsonNode m;
    try {
      m = Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      problems.add("manifest is not valid JSON: " + e.getOriginalMessage());
      return new Check(problems, null);
    } catch (IOException e) {
      problems.add("manifest is not valid JSON: " + e.getMessage());
      return new Check(problems, null);
    }
    if (m == null || !m.isObject()) {
      problems.add("manifest is not a JSON object");
      return new Check(problems, null);
    }
    if (!Ids.HOST_NAME.equals(m.path("name").asText())) {
      problems.add("name is '" + m.path("name").asText() + "', must be " + Ids.HOST_NAME + " (the file name)");
    }
    if (!"stdio".equals(m.path("type").asText())) {
      problems.add("type must be \"stdio\"");
    }
    String path = m.path("path").isTextual() ? m.path("path").asText() : null;
    if (path == null || path.isBlank()) {
      problems.add("path is missing");
    } else if (os != Os.WINDOWS && !path.startsWith("/")) {
      problems.add("path '" + path + "' is not absolute");
    }
    if (family == Browser.Family.FIREFOX) {
      checkList(m, "allowed_extensions", Ids.FIREFOX_ADDON_ID, problems);
    } else {
      checkList(m, "allowed_origins", Ids.BUILT_IN_CHROME_ORIGINS.get(0), problems);
    }
    return new Check(problems, path);
  }

  private static void checkList(JsonNode m, String field, String expected, List<String> problems) {
    JsonNode list = m.path(field);
    if (!list.isArray()) {
      problems.add(field + " is missing (wrong browser family's manifest?)");
      return;
    }
    List<String> values = new ArrayList<>();
    list.forEach(v -> values.add(v.asText()));
    if (values.contains(expected)) {
      return;
    }
    String noSlash = expected.endsWith("/") ? expected.substring(0, expected.length() - 1) : null;
    if (noSlash != null && values.contains(noSlash)) {
      problems.add("wrong origin: " + field + " has '" + noSlash + "' without the required trailing slash");
    } else {
      problems.add("wrong origin: " + field + " " + values + " does not include " + expected);
    }
  }
}

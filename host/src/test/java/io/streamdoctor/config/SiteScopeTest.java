package io.streamdoctor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only configured sites' hosts, on their configured port: the page's URL selects, never names. */
class SiteScopeTest {
  private final Targets targets = Targets.defaults().withSites(List.of(
      new Site("chatgpt", List.of("chatgpt.com", "chat.openai.com"), null, null),
      new Site("lab", List.of("127.0.0.1", "localhost"), null, null, 8719, false)));
  private final SiteScope scope = new SiteScope(targets);

  @Test
  void forBreak_configuredHost_usesTheSitePortNotTheStreams() {
    ProbeTarget t = scope.forBreak("chatgpt", "wss://chatgpt.com:22/backend/ws").orElseThrow();
    assertEquals("chatgpt.com", t.host());
    assertEquals(443, t.port());
    assertTrue(t.tls());
    ProbeTarget lab = scope.forBreak("lab", "http://127.0.0.1:6000/lab/stream").orElseThrow();
    assertEquals(8719, lab.port());
    assertFalse(lab.tls());
    assertEquals("chat.openai.com", scope.forBreak("chatgpt", "https://CHAT.OpenAI.com/x").orElseThrow().host());
  }

  @Test
  void forBreak_hostsNoSiteLists_nothing() {
    for (String url : List.of("wss://192.168.1.1:22/", "ws://127.0.0.1:9000/", "https://10.0.0.7/x",
        "wss://[::1]:443/", "https://evil.example/stream", "https://chatgpt.com.evil.example/",
        "https://claude.ai/api", "not a url", "https:///nohost")) {
      assertTrue(scope.forBreak("chatgpt", url).isEmpty(), url);
    }
    // A loopback literal is fine only for the site that lists it.
    assertTrue(scope.forBreak("lab", "ws://127.0.0.1:9000/").isPresent());
    assertTrue(scope.forBreak("generic", "https://evil.example/").isEmpty());
  }

  @Test
  void forBreak_noUrl_theSitesMainHost() {
    assertEquals("chatgpt.com", scope.forBreak("chatgpt", null).orElseThrow().host());
    assertTrue(scope.forBreak("generic", null).isEmpty());
    assertTrue(scope.forBreak(null, null).isEmpty());
  }

  @Test
  void forRequest_siteIdHostOrPair() {
    assertEquals("chatgpt.com", scope.forRequest("chatgpt", null).orElseThrow().host());
    assertEquals("chatgpt", scope.forRequest(null, "chat.openai.com").orElseThrow().site().id());
    assertEquals("chatgpt", scope.forRequest("chatgpt.com", null).orElseThrow().site().id());
    assertEquals("chatgpt", scope.forRequest("generic", "chatgpt.com").orElseThrow().site().id());
    assertTrue(scope.forRequest(null, "192.168.1.1").isEmpty());
    assertTrue(scope.forRequest("chatgpt", "127.0.0.1").isEmpty());
    assertTrue(scope.forRequest("unknown.example", null).isEmpty());
    assertTrue(scope.onSite("chatgpt", "https://chatgpt.com/backend-api/conversation"));
    assertFalse(scope.onSite("chatgpt", "wss://10.1.2.3/"));
  }

  @Test
  void defaults_chatgptListsBothHostsTheExtensionKnows() {
    SiteScope d = new SiteScope(Targets.defaults());
    assertTrue(d.forBreak("chatgpt", "https://chat.openai.com/backend-api/x").isPresent());
    assertTrue(new SiteScope(Targets.defaults().withConnect("x", "127.0.0.1:1")).forRequest("x", null).isEmpty());
    assertEquals(Map.of(), Targets.defaults().connect());
  }
}

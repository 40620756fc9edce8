package io.streamdoctor.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.evidence.StatusPage;
import io.streamdoctor.testing.TestHttp;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StatusPageProberTest {
  static final String INCIDENT = """
      {"page":{"id":"x","name":"OpenAI"},"status":{"indicator":"major","description":"Partial outage"},
       "components":[{"name":"APIs","status":"operational"},{"name":"ChatGPT","status":"partial_outage"},
                     {"name":"Group","status":"major_outage","group":true}]}""";

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final StatusPageProber prober = new StatusPageProber(StatusPageProber.defaultClient(), () -> now.get());

  @Test
  void probe_statuspageIncident_indicatorAndAffected() throws Exception {
    try (TestHttp http = new TestHttp().answer(200, "application/json; charset=utf-8", INCIDENT)) {
      StatusPage p = prober.probe("chatgpt", http.url("/api/v2/summary.json"), Deadline.in(2000));
      assertEquals("major", p.indicator());
      assertEquals(List.of("ChatGPT: partial_outage"), p.affected());
      assertTrue(p.incident());
    }
  }

  @Test
  void probe_htmlPage_unknownNotIncident() throws Exception {
    try (TestHttp http = new TestHttp().answer(200, "text/html", "<html>we moved</html>")) {
      StatusPage p = prober.probe("claude", http.url("/api/v2/summary.json"), Deadline.in(2000));
      assertEquals("unknown", p.indicator());
      assertFalse(p.incident());
    }
  }

  @Test
  void probe_redirect_unknownAndNotFollowed() throws Exception {
    try (TestHttp http = new TestHttp().answer(301, "text/html", "").location("https://example.invalid/")) {
      assertEquals("unknown", prober.probe("claude", http.url("/api/v2/summary.json"), Deadline.in(2000)).indicator());
      assertEquals(1, http.hits());
    }
  }

  @Test
  void probe_jsonWithoutIndicator_unknown() throws Exception {
    try (TestHttp http = new TestHttp().answer(200, "application/json", "{\"status\":{\"indicator\":\"weird\"}}")) {
      assertEquals("unknown", prober.probe("x", http.url("/s"), Deadline.in(2000)).indicator());
    }
  }

  @Test
  void probe_slowerThanDeadline_unknownInTime() throws Exception {
    try (TestHttp http = new TestHttp().answer(200, "application/json", INCIDENT).delay(3000)) {
      long start = System.nanoTime();
      assertEquals("unknown", prober.probe("x", http.url("/s"), Deadline.in(600)).indicator());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 1500);
    }
  }

  @Test
  void probe_withinSixtySeconds_servedFromCacheThenRefetched() throws Exception {
    try (TestHttp http = new TestHttp().answer(200, "application/json", INCIDENT)) {
      String url = http.url("/api/v2/summary.json");
      prober.probe("x", url, Deadline.in(2000));
      now.addAndGet(59_000);
      assertEquals("major", prober.probe("x", url, Deadline.in(2000)).indicator());
      assertEquals(1, http.hits());
      now.addAndGet(2_000);
      prober.probe("x", url, Deadline.in(2000));
      assertEquals(2, http.hits());
    }
  }
}

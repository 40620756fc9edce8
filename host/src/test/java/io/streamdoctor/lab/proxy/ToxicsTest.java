package io.streamdoctor.lab.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdoctor.Json;
import org.junit.jupiter.api.Test;

class ToxicsTest {
  @Test
  void merge_replacesOnlyGivenFields() throws Exception {
    Toxics t = new Toxics(10, 5, 0, -1, -1, false)
        .merge(Json.MAPPER.readTree("{\"bandwidthBps\":1000,\"blackhole\":true}"));
    assertEquals(new Toxics(10, 5, 1000, -1, -1, true), t);
  }

  @Test
  void merge_unknownField_isRefused() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Toxics.NONE.merge(Json.MAPPER.readTree("{\"latency\":5}")));
    assertTrue(e.getMessage().contains("unknown toxic 'latency'"));
  }

  @Test
  void merge_wrongTypes_areRefused() throws Exception {
    assertThrows(IllegalArgumentException.class,
        () -> Toxics.NONE.merge(Json.MAPPER.readTree("{\"latencyMs\":\"5\"}")));
    assertThrows(IllegalArgumentException.class,
        () -> Toxics.NONE.merge(Json.MAPPER.readTree("{\"blackhole\":1}")));
    assertThrows(IllegalArgumentException.class, () -> Toxics.NONE.merge(Json.MAPPER.readTree("[]")));
  }

  @Test
  void constructor_negativeLatency_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Toxics(-1, 0, 0, -1, -1, false));
    assertThrows(IllegalArgumentException.class, () -> new Toxics(0, 0, 0, -2, -1, false));
  }

  @Test
  void json_roundTripsFieldNames() {
    assertEquals(200, new Toxics(200, 0, 0, -1, -1, false).json().get("latencyMs").asInt());
  }
}

package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryTest {
  @Test
  void parse_pathAndDecodedParams() {
    Query q = Query.parse("/lab/sse/ab12?fault=http429&x=a%20b&flag");
    assertEquals("/lab/sse/ab12", q.path());
    assertEquals("http429", q.params().get("fault"));
    assertEquals("a b", q.params().get("x"));
    assertEquals("", q.params().get("flag"));
    assertEquals("ab12", q.lastSegment());
  }

  @Test
  void parse_repeatedKey_firstWins() {
    assertEquals("rst", Query.parse("/?fault=rst&fault=fin").params().get("fault"));
  }

  @Test
  void parse_noQuery_emptyParams() {
    assertTrue(Query.parse("/").params().isEmpty());
  }

  @Test
  void parse_badPercentEncoding_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Query.parse("/?a=%zz"));
  }

  @Test
  void parse_tooManyParams_isRefused() {
    StringBuilder sb = new StringBuilder("/?");
    for (int i = 0; i < 70; i++) {
      sb.append("k").append(i).append("=1&");
    }
    assertThrows(IllegalArgumentException.class, () -> Query.parse(sb.toString()));
  }
}

package io.streamdoctor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TargetsTest {
  @TempDir Path dir;

  @Test
  void defaults_realUserTargets() {
    Targets t = Targets.defaults();
    assertEquals(List.of("1.1.1.1", "8.8.8.8"), t.publicResolvers());
    assertEquals("https://status.openai.com/api/v2/summary.json", t.site("chatgpt").statusUrl());
    assertEquals("copilot", t.site("copilot.microsoft.com").id());
    assertEquals("unknown.example", t.site("unknown.example").mainHost());
  }

  @Test
  void siteFor_unknownAdapterIdWithHost_usesHost() {
    Targets t = Targets.defaults();
    assertEquals("chatgpt", t.siteFor("generic", "chatgpt.com").id());
    assertEquals("chat.other.test", t.siteFor("generic", "chat.other.test").mainHost());
    assertEquals("claude", t.siteFor("claude", null).id());
  }

  @Test
  void load_noFile_defaults() throws Exception {
    assertEquals(Targets.defaults(), TargetsFile.load(dir));
  }

  @Test
  void load_partialFile_overridesFieldsAndMergesSitesById() throws Exception {
    Files.writeString(dir.resolve(TargetsFile.NAME), """
        {"publicResolvers":["127.0.0.1:5353"],"dohUrl":null,
         "sites":[{"id":"chatgpt","hosts":["chat.lab.test"],"statusUrl":null},{"id":"lab","hosts":["lab.test"],"port":8080,"tls":false}]}""");
    Targets t = TargetsFile.load(dir);
    assertEquals(List.of("127.0.0.1:5353"), t.publicResolvers());
    assertNull(t.dohUrl());
    assertEquals(List.of("chat.lab.test"), t.site("chatgpt").hosts());
    assertNull(t.site("chatgpt").statusUrl());
    assertEquals(8080, t.site("lab").portOrDefault());
    assertEquals(false, t.site("lab").usesTls());
    assertEquals(3, t.identity().size());
    assertEquals(6, t.sites().size());
  }

  @Test
  void load_badFiles_clearErrors() throws Exception {
    Path f = dir.resolve(TargetsFile.NAME);
    Files.writeString(f, "[1,2]");
    assertTrue(assertThrows(TargetsFile.BadTargets.class, () -> TargetsFile.load(dir)).getMessage().contains("JSON object"));
    Files.writeString(f, "{not json");
    assertTrue(assertThrows(TargetsFile.BadTargets.class, () -> TargetsFile.load(dir)).getMessage().contains(f.toString()));
    Files.writeString(f, "{\"sites\":[{\"id\":\"x\"}]}");
    assertTrue(assertThrows(TargetsFile.BadTargets.class, () -> TargetsFile.load(dir)).getMessage().contains("needs an id and hosts"));
  }

  @Test
  void endpoint_literalsWithAndWithoutPort() {
    assertEquals(new InetSocketAddress("1.1.1.1", 53), Endpoint.parse("1.1.1.1", 53));
    assertEquals(5353, Endpoint.parse("127.0.0.1:5353", 53).getPort());
    assertEquals(53, Endpoint.parse("2606:4700::1111", 53).getPort());
    assertEquals(5300, Endpoint.parse("[::1]:5300", 53).getPort());
    assertEquals(53, Endpoint.parse("fe80::1%1", 53).getPort());
    assertEquals(53, Endpoint.parse("fe80::1%no-such-if0", 53).getPort());
    assertEquals("127.0.0.1:5353", Endpoint.label(Endpoint.parse("127.0.0.1:5353", 53), 53));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("dns.google", 53));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("1.1.1.1:99999", 53));
  }
}

package io.streamdoctor.lab.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The lab DNS server answered over real UDP on loopback by dnsjava's resolver. */
@Timeout(30)
class LabDnsServerIT {
  LabDnsServer dns;
  SimpleResolver resolver;

  @BeforeEach
  void start() throws Exception {
    dns = new LabDnsServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dns.port()));
    resolver.setTimeout(Duration.ofMillis(700));
  }

  @AfterEach
  void stop() {
    dns.close();
  }

  Message ask(String name) throws Exception {
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
  }

  @Test
  void answerRule_givesTheAddressWithShortTtl() throws Exception {
    dns.rule("chatgpt.com", DnsRule.parse("chatgpt.com=10.213.7.1").getValue());
    Message m = ask("ChatGPT.com");
    assertEquals(Rcode.NOERROR, m.getRcode());
    ARecord a = (ARecord) m.getSection(Section.ANSWER).get(0);
    assertEquals("10.213.7.1", a.getAddress().getHostAddress());
    assertEquals(5, a.getTTL());
  }

  @Test
  void unknownName_isNxdomainByDefault() throws Exception {
    assertEquals(Rcode.NXDOMAIN, ask("example.org").getRcode());
  }

  @Test
  void servfailRule_answersServfail() throws Exception {
    dns.rule("claude.ai", DnsRule.of(DnsRule.Action.SERVFAIL));
    assertEquals(Rcode.SERVFAIL, ask("claude.ai").getRcode());
  }

  @Test
  void deadResolver_neverAnswers() {
    dns.fallback(DnsRule.of(DnsRule.Action.DROP));
    assertThrows(java.io.IOException.class, () -> ask("chatgpt.com"));
    assertTrue(dns.queries() >= 1, "the query arrived and was ignored");
  }

  @Test
  void parse_rejectsNamesThatNeedALookup() {
    assertThrows(IllegalArgumentException.class, () -> DnsRule.parse("chatgpt.com=example.org"));
    assertThrows(IllegalArgumentException.class, () -> DnsRule.parse("chatgpt.com"));
    assertEquals(DnsRule.Action.DROP, DnsRule.parse("x.y=drop").getValue().action());
  }
}

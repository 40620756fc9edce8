package io.streamdoctor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The lab's DNS server changed at runtime over {@code /lab/dns} (a resolver dying mid-session). */
@Timeout(30)
class LabDnsControlIT {
  static LabServer lab;
  static SimpleResolver resolver;

  @BeforeAll
  static void start() throws Exception {
    lab = LabServer.start(LabServer.Options.loopback().withDns(0));
    resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), lab.dns().port()));
    resolver.setTimeout(Duration.ofMillis(700));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  static Message ask(String name) throws Exception {
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
  }

  @Test
  void set_thenDrop_answersThenGoesSilent() throws Exception {
    RawClient.Result r = RawClient.get(lab.port(), "/lab/dns?set=chatgpt.com=127.0.0.9", 5000);
    assertEquals("HTTP/1.1 200 OK", r.statusLine());
    assertEquals(Rcode.NOERROR, ask("chatgpt.com").getRcode());
    RawClient.get(lab.port(), "/lab/dns?set=chatgpt.com=drop", 5000);
    assertThrows(java.io.IOException.class, () -> ask("chatgpt.com"));
  }

  @Test
  void default_servfail_appliesToOtherNames() throws Exception {
    RawClient.get(lab.port(), "/lab/dns?default=servfail", 5000);
    assertEquals(Rcode.SERVFAIL, ask("other.example").getRcode());
    RawClient.get(lab.port(), "/lab/dns?default=nxdomain", 5000);
    assertEquals(Rcode.NXDOMAIN, ask("other.example").getRcode());
  }

  @Test
  void badRule_is400() throws Exception {
    RawClient.Result r = RawClient.get(lab.port(), "/lab/dns?set=chatgpt.com=somewhere.else", 5000);
    assertTrue(r.statusLine().startsWith("HTTP/1.1 400"), r.statusLine());
  }
}

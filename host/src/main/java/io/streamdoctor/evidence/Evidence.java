package io.streamdoctor.evidence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One piece of evidence on the timeline. {@code ts} is milliseconds since the Unix epoch on the
 * host's clock (evidence from the extension is mapped onto it when it arrives). The JSON type
 * names of browser evidence are the protocol's message types (docs/protocol.md); evidence the
 * host gathers itself uses the {@code os.} and {@code probe.} prefixes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = StreamOpened.class, name = "stream.open"),
  @JsonSubTypes.Type(value = StreamFirstByte.class, name = "stream.first_byte"),
  @JsonSubTypes.Type(value = StreamFirstToken.class, name = "stream.first_token"),
  @JsonSubTypes.Type(value = StreamProgress.class, name = "stream.progress"),
  @JsonSubTypes.Type(value = StreamStalled.class, name = "stream.stall"),
  @JsonSubTypes.Type(value = StreamErrored.class, name = "stream.error"),
  @JsonSubTypes.Type(value = StreamEnded.class, name = "stream.end"),
  @JsonSubTypes.Type(value = PageBanner.class, name = "page.banner"),
  @JsonSubTypes.Type(value = PageInitFailed.class, name = "page.init_failed"),
  @JsonSubTypes.Type(value = HookReplaced.class, name = "page.hook_replaced"),
  @JsonSubTypes.Type(value = RequestError.class, name = "browser.request_error"),
  @JsonSubTypes.Type(value = HttpStatus.class, name = "browser.http_status"),
  @JsonSubTypes.Type(value = Connectivity.class, name = "browser.connectivity"),
  @JsonSubTypes.Type(value = BrowserProxy.class, name = "browser.proxy"),
  @JsonSubTypes.Type(value = ExtensionInventory.class, name = "browser.extensions"),
  @JsonSubTypes.Type(value = ExtensionChanged.class, name = "browser.extension_changed"),
  @JsonSubTypes.Type(value = CookieChanged.class, name = "browser.cookie_changed"),
  @JsonSubTypes.Type(value = RelayBudget.class, name = "browser.budget"),
  @JsonSubTypes.Type(value = NetworkChange.class, name = "os.network_change"),
  @JsonSubTypes.Type(value = TcpRetransmits.class, name = "os.tcp_retransmits"),
  @JsonSubTypes.Type(value = SystemProxy.class, name = "os.system_proxy"),
  @JsonSubTypes.Type(value = WifiQuality.class, name = "os.wifi_quality"),
  @JsonSubTypes.Type(value = DnsProbe.class, name = "probe.dns"),
  @JsonSubTypes.Type(value = ResolverIdentity.class, name = "probe.resolver_identity"),
  @JsonSubTypes.Type(value = TcpProbe.class, name = "probe.tcp"),
  @JsonSubTypes.Type(value = TlsProbe.class, name = "probe.tls"),
  @JsonSubTypes.Type(value = WsProbe.class, name = "probe.ws"),
  @JsonSubTypes.Type(value = StatusPage.class, name = "probe.status_page"),
  @JsonSubTypes.Type(value = HistoryPattern.class, name = "history.pattern"),
})
public sealed interface Evidence
    permits StreamEvent,
        PageBanner,
        PageInitFailed,
        HookReplaced,
        RequestError,
        HttpStatus,
        Connectivity,
        BrowserProxy,
        ExtensionInventory,
        ExtensionChanged,
        CookieChanged,
        RelayBudget,
        NetworkChange,
        TcpRetransmits,
        SystemProxy,
        WifiQuality,
        DnsProbe,
        ResolverIdentity,
        TcpProbe,
        TlsProbe,
        WsProbe,
        StatusPage,
        HistoryPattern {

  double ts();

  /** The same evidence re-timed onto another clock. */
  Evidence withTs(double ts);

  /** A required field that is missing, or null when the record is complete. */
  default String missingField() {
    return null;
  }
}

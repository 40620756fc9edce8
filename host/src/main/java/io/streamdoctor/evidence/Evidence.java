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
        CookieChanged {

  double ts();

  /** The same evidence re-timed onto another clock. */
  Evidence withTs(double ts);

  /** A required field that is missing, or null when the record is complete. */
  default String missingField() {
    return null;
  }
}

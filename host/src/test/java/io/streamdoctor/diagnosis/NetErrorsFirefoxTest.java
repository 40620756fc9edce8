package io.streamdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamdoctor.diagnosis.NetErrors.Kind;
import org.junit.jupiter.api.Test;

/**
 * The strings Firefox 153 ESR reported in webRequest.onErrorOccurred for each provoked fault
 * (e2e/test/firefox.test.mjs and firefox-errors.test.mjs; docs/testing.md) and where they land.
 */
class NetErrorsFirefoxTest {
  @Test
  void kind_observedFirefoxStrings_mapToTheirEvidenceKinds() {
    assertEquals(Kind.RESET, NetErrors.kind("NS_ERROR_NET_RESET"));
    assertEquals(Kind.INCOMPLETE_BODY, NetErrors.kind("NS_ERROR_NET_PARTIAL_TRANSFER"));
    assertEquals(Kind.REFUSED, NetErrors.kind("NS_ERROR_CONNECTION_REFUSED"));
    assertEquals(Kind.ABORTED, NetErrors.kind("NS_BINDING_ABORTED"));
    assertEquals(Kind.TRACKING_PROTECTION, NetErrors.kind("NS_ERROR_TRACKING_URI"));
    assertEquals(Kind.OFFLINE, NetErrors.kind("NS_ERROR_OFFLINE"));
  }

  @Test
  void kind_addonBlock_isCancelledNotBlockedByClient() {
    // declarativeNetRequest "block" and blocking-webRequest cancel both gave NS_ERROR_ABORT: only
    // BlockedByExtensionRule, which sees the add-on inventory, may call it an add-on block.
    assertEquals(Kind.CANCELLED, NetErrors.kind("NS_ERROR_ABORT"));
  }

  @Test
  void kind_unknownFirefoxString_isUnknownNotAnException() {
    assertEquals(Kind.UNKNOWN, NetErrors.kind("NS_ERROR_SOMETHING_NEW"));
    assertEquals(Kind.UNKNOWN, NetErrors.kind(null));
  }
}

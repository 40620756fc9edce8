package io.streamdoctor.diagnosis;

import java.util.Map;

/**
 * The one table from browser error strings to our evidence vocabulary. Chrome's net::ERR_*
 * strings are explicitly not a stable API (chrome.webRequest docs) and Firefox reports
 * NS_ERROR_*: unknown strings map to {@link Kind#UNKNOWN}, never to an exception.
 */
public final class NetErrors {
  public enum Kind {
    DNS, OFFLINE, NETWORK_CHANGED, RESET, CLOSED, REFUSED, TIMED_OUT, UNREACHABLE,
    BLOCKED_BY_CLIENT, BLOCKED_BY_ADMIN, TRACKING_PROTECTION, PROXY, TLS, PROTOCOL,
    INCOMPLETE_BODY, ABORTED, FAILED, UNKNOWN,
    /**
     * Firefox's NS_ERROR_ABORT: what webRequest.onErrorOccurred reports for a request another
     * add-on cancelled (webRequest blocking or a declarativeNetRequest "block" rule; observed in
     * Firefox 153 ESR, docs/testing.md) — but other internal cancels share the code, so it counts
     * as an add-on block only when an installed add-on can block the site (BlockedByExtensionRule).
     */
    CANCELLED
  }

  private static final Map<String, Kind> TABLE =
      Map.ofEntries(
          Map.entry("ERR_NAME_NOT_RESOLVED", Kind.DNS),
          Map.entry("ERR_NAME_RESOLUTION_FAILED", Kind.DNS),
          Map.entry("ERR_DNS_TIMED_OUT", Kind.DNS),
          Map.entry("ERR_DNS_SERVER_FAILED", Kind.DNS),
          Map.entry("ERR_DNS_MALFORMED_RESPONSE", Kind.DNS),
          Map.entry("NS_ERROR_UNKNOWN_HOST", Kind.DNS),
          Map.entry("ERR_INTERNET_DISCONNECTED", Kind.OFFLINE),
          Map.entry("NS_ERROR_OFFLINE", Kind.OFFLINE),
          Map.entry("ERR_NETWORK_CHANGED", Kind.NETWORK_CHANGED),
          Map.entry("ERR_NETWORK_IO_SUSPENDED", Kind.NETWORK_CHANGED),
          Map.entry("ERR_CONNECTION_RESET", Kind.RESET),
          Map.entry("NS_ERROR_NET_RESET", Kind.RESET),
          Map.entry("ERR_CONNECTION_CLOSED", Kind.CLOSED),
          Map.entry("ERR_EMPTY_RESPONSE", Kind.CLOSED),
          Map.entry("NS_ERROR_NET_INTERRUPT", Kind.CLOSED),
          Map.entry("ERR_CONNECTION_REFUSED", Kind.REFUSED),
          Map.entry("NS_ERROR_CONNECTION_REFUSED", Kind.REFUSED),
          Map.entry("ERR_CONNECTION_TIMED_OUT", Kind.TIMED_OUT),
          Map.entry("ERR_TIMED_OUT", Kind.TIMED_OUT),
          Map.entry("NS_ERROR_NET_TIMEOUT", Kind.TIMED_OUT),
          Map.entry("ERR_ADDRESS_UNREACHABLE", Kind.UNREACHABLE),
          Map.entry("ERR_NETWORK_ACCESS_DENIED", Kind.UNREACHABLE),
          Map.entry("ERR_BLOCKED_BY_CLIENT", Kind.BLOCKED_BY_CLIENT),
          Map.entry("ERR_BLOCKED_BY_ADMINISTRATOR", Kind.BLOCKED_BY_ADMIN),
          Map.entry("NS_ERROR_TRACKING_URI", Kind.TRACKING_PROTECTION),
          Map.entry("NS_ERROR_FINGERPRINTING_URI", Kind.TRACKING_PROTECTION),
          Map.entry("NS_ERROR_CRYPTOMINING_URI", Kind.TRACKING_PROTECTION),
          Map.entry("NS_ERROR_SOCIALTRACKING_URI", Kind.TRACKING_PROTECTION),
          Map.entry("ERR_PROXY_CONNECTION_FAILED", Kind.PROXY),
          Map.entry("ERR_TUNNEL_CONNECTION_FAILED", Kind.PROXY),
          Map.entry("ERR_PROXY_AUTH_UNSUPPORTED", Kind.PROXY),
          Map.entry("ERR_PROXY_CERTIFICATE_INVALID", Kind.PROXY),
          Map.entry("ERR_MANDATORY_PROXY_CONFIGURATION_FAILED", Kind.PROXY),
          Map.entry("NS_ERROR_PROXY_CONNECTION_REFUSED", Kind.PROXY),
          Map.entry("NS_ERROR_UNKNOWN_PROXY_HOST", Kind.PROXY),
          Map.entry("ERR_SSL_PROTOCOL_ERROR", Kind.TLS),
          Map.entry("ERR_SSL_VERSION_OR_CIPHER_MISMATCH", Kind.TLS),
          Map.entry("ERR_BAD_SSL_CLIENT_AUTH_CERT", Kind.TLS),
          Map.entry("ERR_HTTP2_PROTOCOL_ERROR", Kind.PROTOCOL),
          Map.entry("ERR_HTTP2_PING_FAILED", Kind.PROTOCOL),
          Map.entry("ERR_HTTP2_SERVER_REFUSED_STREAM", Kind.PROTOCOL),
          Map.entry("ERR_QUIC_PROTOCOL_ERROR", Kind.PROTOCOL),
          Map.entry("ERR_SPDY_PROTOCOL_ERROR", Kind.PROTOCOL),
          Map.entry("ERR_INCOMPLETE_CHUNKED_ENCODING", Kind.INCOMPLETE_BODY),
          Map.entry("ERR_CONTENT_LENGTH_MISMATCH", Kind.INCOMPLETE_BODY),
          Map.entry("NS_ERROR_NET_PARTIAL_TRANSFER", Kind.INCOMPLETE_BODY),
          Map.entry("ERR_ABORTED", Kind.ABORTED),
          Map.entry("NS_BINDING_ABORTED", Kind.ABORTED),
          Map.entry("ERR_FAILED", Kind.FAILED),
          // Firefox 153 ESR, observed in e2e/test/firefox.test.mjs (docs/testing.md): an HTTP/1.1
          // chunked body cut by FIN is NS_ERROR_NET_PARTIAL_TRANSFER (above), an RST
          // NS_ERROR_NET_RESET (above), an add-on block NS_ERROR_ABORT.
          Map.entry("NS_ERROR_ABORT", Kind.CANCELLED),
          // Named in Firefox's error list (xpcom/base/ErrorList.py), not provoked here.
          Map.entry("NS_ERROR_NET_EMPTY_RESPONSE", Kind.CLOSED),
          Map.entry("NS_ERROR_NET_INADEQUATE_SECURITY", Kind.TLS),
          Map.entry("NS_ERROR_NET_HTTP2_SENT_GOAWAY", Kind.PROTOCOL),
          Map.entry("NS_ERROR_NET_HTTP3_PROTOCOL_ERROR", Kind.PROTOCOL),
          Map.entry("NS_ERROR_CORRUPTED_CONTENT", Kind.PROTOCOL),
          Map.entry("NS_ERROR_PROXY_AUTHENTICATION_FAILED", Kind.PROXY),
          Map.entry("NS_ERROR_PROXY_BAD_GATEWAY", Kind.PROXY),
          Map.entry("NS_ERROR_PROXY_GATEWAY_TIMEOUT", Kind.PROXY),
          Map.entry("NS_ERROR_EMAILTRACKING_URI", Kind.TRACKING_PROTECTION));

  private NetErrors() {}

  public static Kind kind(String browserError) {
    if (browserError == null) {
      return Kind.UNKNOWN;
    }
    String code = browserError.startsWith("net::") ? browserError.substring(5) : browserError;
    Kind k = TABLE.get(code);
    if (k != null) {
      return k;
    }
    if (code.startsWith("ERR_CERT_") || code.startsWith("SEC_ERROR_")
        || code.startsWith("SSL_ERROR_") || code.startsWith("MOZILLA_PKIX_ERROR_")) {
      return Kind.TLS;
    }
    return Kind.UNKNOWN;
  }
}

package io.streamdoctor.evidence;

/** {@code webRequest.onErrorOccurred}: the browser's error string, passed through unmapped. */
public record RequestError(
    double ts,
    Integer tabId,
    String url,
    String error,
    String resourceType,
    String stream,
    String method)
    implements Evidence {
  @Override
  public RequestError withTs(double t) {
    return new RequestError(t, tabId, url, error, resourceType, stream, method);
  }

  @Override
  public String missingField() {
    return error == null ? "error" : null;
  }
}

package io.streamdoctor.evidence;

public record HttpStatus(
    double ts, Integer tabId, String url, int status, String resourceType, Double retryAfterS)
    implements Evidence {
  @Override
  public HttpStatus withTs(double t) {
    return new HttpStatus(t, tabId, url, status, resourceType, retryAfterS);
  }
}

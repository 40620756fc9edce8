package io.streamdoctor.evidence;

/** Another script replaced fetch/WebSocket after our hook, or the original was not native. */
public record HookReplaced(double ts, String site, Integer tabId, String api, String when)
    implements Evidence {
  @Override
  public HookReplaced withTs(double t) {
    return new HookReplaced(t, site, tabId, api, when);
  }
}

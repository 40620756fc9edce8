package io.streamdoctor.timeline;

import io.streamdoctor.evidence.BrowserProxy;
import io.streamdoctor.evidence.Evidence;
import io.streamdoctor.evidence.ExtensionInventory;
import io.streamdoctor.evidence.NetworkChange;
import io.streamdoctor.evidence.SystemProxy;

/**
 * Evidence that describes a state which holds until a newer report replaces it (a VPN interface
 * that is up, the browser's or the system's proxy, the installed extensions), as opposed to an
 * event that happened once. The monitors and the worker report such a state when it changes, not
 * again and again, so a VPN brought up an hour ago is still up: the timeline must not forget the
 * newest report of each state when its age evicts it ({@link Timeline}).
 */
final class StandingState {
  private StandingState() {}

  /** The state this evidence reports, or null for an event. */
  static String key(Evidence e) {
    if (e instanceof BrowserProxy) {
      return "browser.proxy";
    }
    if (e instanceof SystemProxy) {
      return "os.system_proxy";
    }
    if (e instanceof ExtensionInventory) {
      return "browser.extensions";
    }
    if (e instanceof NetworkChange c && c.kind() != null && c.kind().startsWith("vpn_")) {
      // vpn_present (at start), vpn_up and vpn_down of one interface are one state.
      return "vpn:" + c.iface();
    }
    return null;
  }
}

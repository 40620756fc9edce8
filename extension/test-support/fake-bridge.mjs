// Installs the real bridge (src/bridge/bridge.js) on a fake page, with a fake extension API that
// records what would go to the service worker.
import { installBridge } from '../src/bridge/bridge.js';

export function attachBridge(page, { settings } = {}) {
  const sent = [];
  const listeners = [];
  const api = {
    runtime: { sendMessage: async (msg) => sent.push(msg) },
    storage: {
      local: { get: async () => (settings ? { settings } : {}) },
      onChanged: { addListener: (fn) => listeners.push(fn) },
    },
  };
  let n = 0;
  const bridge = installBridge({ doc: page.document, api, hostname: page.window.location.hostname, randomHex: () => 'test' + ++n });
  return {
    bridge,
    sent,
    events: () => sent.map((m) => m.event),
    ofType: (type) => sent.map((m) => m.event).filter((e) => e.type === type),
    changeSettings(next) {
      settings = next;
      for (const fn of listeners) fn({ settings: { newValue: next } }, 'local');
    },
  };
}

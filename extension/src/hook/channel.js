// Hook side of the page channel. At document_start, before any page script exists, hook and
// bridge agree on a random event name through one HELLO exchange (whichever runs first is
// answered by the other); afterwards every message travels as a CustomEvent of that random type
// on `document`, with a JSON string as detail (strings cross the world boundary in Chrome and
// Firefox alike). A page script cannot listen for a name it never saw, and we dispatch through the
// captured EventTarget.prototype.dispatchEvent, so page patches never see our traffic.
// Posting is always deferred to a fresh task: nothing runs inside the page's own calls.
import { HELLO_EVENT } from '../common/wire.js';

const MAX_QUEUE = 500;

export function createHookChannel(N, doc) {
  let name = null;
  let scheduled = false;
  let configHandler = null;
  const queue = [];

  function onHello(ev) {
    const detail = N.apply(N.eventDetail, ev, []);
    if (typeof detail !== 'string' || detail.indexOf('bridge:') !== 0 || name) return;
    name = detail.slice(7);
    N.apply(N.removeEventListener, doc, [HELLO_EVENT, onHello]);
    N.apply(N.addEventListener, doc, [name + ':cfg', onConfig]);
    // Synchronous "ready" (still before any page script): the bridge stops answering HELLO.
    N.apply(N.dispatchEvent, doc, [new N.CustomEvent(name, { detail: 'ready' })]);
    if (queue.length) schedule();
  }

  function onConfig(ev) {
    try {
      const cfg = N.apply(N.parse, null, [N.apply(N.eventDetail, ev, [])]);
      if (configHandler && cfg && typeof cfg === 'object') configHandler(cfg);
    } catch {
      // a malformed config changes nothing
    }
  }

  function flush() {
    scheduled = false;
    if (!name) return;
    while (queue.length) {
      const detail = queue.shift();
      try {
        N.apply(N.dispatchEvent, doc, [new N.CustomEvent(name, { detail })]);
      } catch {
        // the bridge is gone (page unloading): drop
      }
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    N.apply(N.setTimeout, null, [flush, 0]);
  }

  try {
    N.apply(N.addEventListener, doc, [HELLO_EVENT, onHello]);
    N.apply(N.dispatchEvent, doc, [new N.CustomEvent(HELLO_EVENT, { detail: 'hook' })]);
  } catch {
    // no bridge: messages stay queued (bounded) and are dropped
  }

  return {
    post(msg) {
      if (queue.length >= MAX_QUEUE) queue.shift();
      queue.push(N.apply(N.stringify, null, [msg]));
      if (name) schedule();
    },
    onConfig(handler) {
      configHandler = handler;
    },
    get connected() {
      return name !== null;
    },
  };
}

// Manual clock + timers for worker-side units (no real waiting, deterministic order).
export function createFakeTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map(); // id → {at, fn}
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      pending.set(id, { at: now + (ms || 0), fn });
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
    },
    /** Advances time, running due timers in order. */
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let best = null;
        for (const [id, t] of pending) if (t.at <= end && (!best || t.at < best[1].at)) best = [id, t];
        if (!best) break;
        pending.delete(best[0]);
        now = best[1].at;
        best[1].fn();
      }
      now = end;
    },
    get pending() {
      return pending.size;
    },
    get now() {
      return now;
    },
  };
}

/** A fake native port: records posted messages; the test plays the host. */
export function createFakePort() {
  const msgListeners = [];
  const discListeners = [];
  const port = {
    posted: [],
    error: null,
    postMessage(m) {
      if (port.dead) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(JSON.parse(JSON.stringify(m)));
    },
    onMessage: { addListener: (fn) => msgListeners.push(fn) },
    onDisconnect: { addListener: (fn) => discListeners.push(fn) },
    hostSays(m) {
      for (const fn of msgListeners) fn(m);
    },
    hostDies(message) {
      port.dead = true;
      port.error = message ? { message } : null;
      for (const fn of discListeners) fn(port);
    },
  };
  return port;
}

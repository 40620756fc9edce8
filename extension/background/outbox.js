// Events waiting for the host's ack. Every event gets the next `seq`; the outbox keeps it until an
// `ack` with upTo ≥ seq arrives (protocol.md "ack") — sending alone never drops anything. After a
// reconnect everything unacked is sent again in seq order. Bounded: past `limit` the oldest
// events are dropped and counted. The state is persisted (storage.session) so a worker restart
// neither loses events nor reuses sequence numbers.
// An event whose frame would exceed EVENT_MAX_BYTES is never queued (counted in `tooLarge`): the
// host discards frames over its cap (docs/protocol.md, error 111) without an ack, so such an
// event would otherwise be resent on every reconnect, forever.
import { utf8Length } from '../src/common/sha256.js';

export const OUTBOX_LIMIT = 2000;
export const OUTBOX_KEY = 'outbox';
/** Half the host's 256 KiB inbound cap: the browser's own JSON writer may escape more than ours. */
export const EVENT_MAX_BYTES = 128 * 1024;

const frameBytes = (event) => utf8Length(JSON.stringify(event));

export function createOutbox({ limit = OUTBOX_LIMIT, save = () => {}, maxBytes = EVENT_MAX_BYTES } = {}) {
  let events = [];
  let nextSeq = 1;
  let dropped = 0;
  let tooLarge = 0;
  let ackedUpTo = 0;

  const persist = () => save({ nextSeq, dropped, tooLarge, ackedUpTo, events });

  return {
    /** Restores a persisted state (call once at start, before push). */
    restore(state) {
      if (!state || !Array.isArray(state.events)) return;
      const valid = state.events.filter((e) => e && Number.isInteger(e.seq));
      const restored = valid.filter((e) => frameBytes(e) <= maxBytes).sort((x, y) => x.seq - y.seq);
      tooLarge += (Number(state.tooLarge) || 0) + valid.length - restored.length;
      const maxSeq = restored.reduce((m, e) => Math.max(m, e.seq), 0);
      nextSeq = Math.max(Number(state.nextSeq) || 1, maxSeq + 1);
      // events pushed before the restore finished (never sent: the link starts after restore)
      // are renumbered after the restored ones, so no seq is ever used twice
      for (const e of events) e.seq = nextSeq++;
      events = restored.concat(events);
      if (events.length > limit) {
        dropped += events.length - limit;
        events = events.slice(-limit);
      }
      dropped += Number(state.dropped) || 0;
      ackedUpTo = Math.max(ackedUpTo, Number(state.ackedUpTo) || 0);
    },
    /** Adds an event (without seq) and returns it with its seq, or null when it is too large to send. */
    push(event) {
      const withSeq = { ...event, seq: nextSeq };
      if (frameBytes(withSeq) > maxBytes) {
        tooLarge++;
        console.warn(`StreamDoctor: ${event.type} event over ${maxBytes} bytes not sent (${tooLarge} so far)`);
        persist();
        return null;
      }
      nextSeq++;
      events.push(withSeq);
      if (events.length > limit) {
        dropped += events.length - limit;
        events = events.slice(-limit);
      }
      persist();
      return withSeq;
    },
    /** Drops every event with seq ≤ upTo. Returns how many were dropped. */
    ack(upTo) {
      if (!Number.isFinite(upTo)) return 0;
      const before = events.length;
      events = events.filter((e) => e.seq > upTo);
      ackedUpTo = Math.max(ackedUpTo, upTo);
      if (events.length !== before) persist();
      return before - events.length;
    },
    /** Everything not yet acknowledged, oldest first (what a reconnect resends). */
    unacked() {
      return events.slice();
    },
    get size() {
      return events.length;
    },
    get dropped() {
      return dropped;
    },
    /** Events never queued because their frame would exceed maxBytes. */
    get tooLarge() {
      return tooLarge;
    },
    get nextSeq() {
      return nextSeq;
    },
  };
}

/** Debounces writes of the outbox state to a storage area. */
export function debouncedSaver(area, key, delayMs = 200, timers = globalThis) {
  let pending = null;
  let handle = null;
  return (state) => {
    pending = state;
    if (handle !== null) return;
    handle = timers.setTimeout(() => {
      handle = null;
      // storage.set serializes the value during the call, so later mutations cannot leak in
      Promise.resolve(area.set({ [key]: pending })).catch(() => {});
    }, delayMs);
  };
}

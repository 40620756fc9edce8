// Runtime message routing. The sender check comes first: page-side messages must come from our
// own content script in a top-level chat page; UI messages only from our own extension pages.
// Anything else — other extensions, web pages via externally_connectable, frames — is refused.
import { hostMatchPatterns } from '../src/common/sites.js';

const CONTENT_TYPES = new Set(['hook.event', 'page.hide']);
const UI_TYPES = new Set(['ui.state', 'ui.request', 'ui.action', 'ui.settings', 'ui.report']);

/** True when a URL falls under one of our host match patterns (scheme://host/*, any port). */
export function isChatPageUrl(url, patterns = hostMatchPatterns()) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return patterns.some((p) => {
    const m = /^(\w+):\/\/([^/]+)\//.exec(p);
    return m && u.protocol === m[1] + ':' && u.hostname === m[2];
  });
}

export function senderKind(sender, self) {
  if (!sender || sender.id !== self.id) return null;
  const url = String(sender.url || '');
  if (url.startsWith(self.origin)) return 'ui';
  if (sender.tab && Number.isInteger(sender.tab.id) && sender.tab.id >= 0 && sender.frameId === 0 && isChatPageUrl(url)) return 'content';
  return null;
}

/**
 * Creates `route(msg, sender) → Promise<reply>`; handlers: {[type]: (msg, sender) → reply}.
 * Refusals resolve to {ok:false, error} and are counted (exposed in test state).
 */
export function createRouter({ self, handlers }) {
  const stats = { routed: 0, refused: 0 };
  async function route(msg, sender) {
    const type = msg && typeof msg === 'object' ? msg.type : null;
    const kind = senderKind(sender, self);
    const allowed = (kind === 'content' && CONTENT_TYPES.has(type)) || (kind === 'ui' && UI_TYPES.has(type));
    if (!allowed || typeof handlers[type] !== 'function') {
      stats.refused++;
      return { ok: false, error: kind ? 'unknown_type' : 'sender_refused' };
    }
    stats.routed++;
    return handlers[type](msg, sender);
  }
  return { route, stats };
}

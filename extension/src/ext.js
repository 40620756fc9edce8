// One place for chrome-vs-browser differences (uBO Lite's ext.js idea). MV3 Chrome and Firefox
// both return promises from the APIs we use; what differs is the namespace, a few API shapes
// (proxy settings, browsingData origins) and which browser pages exist (net-internals).

export const ext = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;

export const isFirefox = typeof globalThis.browser !== 'undefined' && !!globalThis.browser.runtime && typeof globalThis.browser.runtime.getBrowserInfo === 'function';

export function browserName() {
  return isFirefox ? 'firefox' : 'chrome';
}

/** Awaits an API call, turning a throw or rejection into `fallback`. */
export async function attempt(fn, fallback = null) {
  try {
    return await fn();
  } catch {
    return fallback;
  }
}

/**
 * Sends a message to the service worker. A worker that was just evicted may miss the first one
 * ("Receiving end does not exist"): retry a few times before giving up.
 */
export async function sendToWorker(msg, tries = 3) {
  let lastError = null;
  for (let i = 0; i < tries; i++) {
    try {
      return await ext.runtime.sendMessage(msg);
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 100 * (i + 1)));
    }
  }
  throw lastError;
}

/** The browser's own DNS cache page, where it exists (Chrome family only). */
export function dnsInternalsUrl() {
  return isFirefox ? 'about:networking#dns' : 'chrome://net-internals/#dns';
}

export function t(key, subs) {
  try {
    return ext.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

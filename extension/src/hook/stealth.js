// Making our wrappers indistinguishable from the originals.
//  - Wrappers are Proxies of the original functions/constructors: name, length, prototype,
//    static constants, instanceof and subclassing all pass through unchanged.
//  - Function.prototype.toString answers for a wrapper exactly what it answers for the original
//    (itself masked the same way).
//  - Errors the original throws synchronously through our trap get the trap's stack lines
//    removed, so `err.stack` shows only page frames, as it would without us.
// Known limit (README "What a page could still notice"): a page that installs
// Error.prepareStackTrace before such an error, or times calls to the nanosecond.

export function createStealth(g, N) {
  const masked = new N.WeakMap();
  const ourScript = findOurScript(N);
  const FP = g.Function.prototype;
  const origToString = FP.toString;

  const toStringProxy = new N.Proxy(origToString, {
    apply(target, thisArg, args) {
      const original = typeof thisArg === 'function' ? N.apply(N.weakGet, masked, [thisArg]) : undefined;
      try {
        return N.apply(target, original || thisArg, args);
      } catch (e) {
        throw cleanStack(e);
      }
    },
  });

  function mask(wrapper, original) {
    N.apply(N.weakSet, masked, [wrapper, original]);
  }

  function cleanStack(e) {
    if (!ourScript) return e;
    try {
      const stack = e && typeof e === 'object' ? e.stack : null;
      if (typeof stack === 'string' && stack.indexOf(ourScript) >= 0) {
        const kept = stack.split('\n').filter((line) => line.indexOf(ourScript) < 0);
        N.defineProperty(e, 'stack', { value: kept.join('\n'), writable: true, configurable: true, enumerable: false });
      }
    } catch {
      // never fail the page's own error path
    }
    return e;
  }

  /** Replaces obj[name] by value with the property's own attributes unchanged. */
  function replace(obj, name, value) {
    const d = N.getOwnPropertyDescriptor(obj, name);
    if (!d || !('value' in d)) return false;
    N.defineProperty(obj, name, { value, writable: d.writable, enumerable: d.enumerable, configurable: d.configurable });
    return true;
  }

  /** Replaces the accessor obj[name] by get/set (undefined keeps the original), attributes unchanged. */
  function replaceAccessor(obj, name, get, set) {
    const d = N.getOwnPropertyDescriptor(obj, name);
    if (!d || !d.configurable || typeof d.get !== 'function') return false;
    N.defineProperty(obj, name, { get: get || d.get, set: set || d.set, enumerable: d.enumerable, configurable: true });
    return true;
  }

  mask(toStringProxy, origToString);
  replace(FP, 'toString', toStringProxy);

  return { mask, cleanStack, replace, replaceAccessor, toString: origToString };
}

/**
 * What marks this script's lines in stack traces: its URL in Chromium
 * (chrome-extension://…/content/hook.js); in Firefox, which hides the URL of a MAIN-world content
 * script, the name it shows instead ("fn@<anonymous code>:line:col", e2e/test/firefox-fidelity).
 */
function findOurScript(N) {
  try {
    const stack = new N.Error().stack || '';
    const m = /((?:chrome|moz)-extension:\/\/[^\s)]+?\.js)/.exec(stack);
    if (m) return m[1];
    return /^[^\n]*@<anonymous code>:\d+:\d+$/m.test(stack) ? '@<anonymous code>:' : null;
  } catch {
    return null;
  }
}

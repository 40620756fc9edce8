// "Regenerate" on the user's click: the worker asks this tab's content script to press the
// site's own retry control (sites.js `regenerate`). Only our worker can ask (runtime messages
// from the extension itself; web pages cannot reach runtime.onMessage of a content script), the
// reply carries a code, never page text.

/** The last visible control matching the adapter's selector and label, or null. */
export function findRetryControl(doc, spec) {
  if (!spec || !spec.selector) return null;
  let found = null;
  for (const node of doc.querySelectorAll(spec.selector)) {
    if (node.disabled) continue;
    const name = (node.getAttribute('aria-label') || node.textContent || '').trim();
    if (spec.label && !spec.label.test(name)) continue;
    const box = typeof node.getBoundingClientRect === 'function' ? node.getBoundingClientRect() : null;
    if (box && box.width === 0 && box.height === 0) continue; // hidden
    found = node;
  }
  return found;
}

export function installRegenerate({ doc, api, site }) {
  try {
    api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
      if (!msg || msg.type !== 'page.regenerate' || (sender && sender.id !== api.runtime.id) || (sender && sender.tab)) return false;
      const control = findRetryControl(doc, site.regenerate);
      if (control) control.click();
      sendResponse({ ok: !!control, outcome: control ? 'clicked' : 'no_control' });
      return false;
    });
  } catch {
    // no runtime messaging here (a test page): nothing to install
  }
}

// What every popup test checks about the user-facing layout (issue 18), shared by the extension's
// browser tests and the e2e suites: headline and primary action within the first 200 px of a
// 400×600 popup, no codes, ids or class names in the visible text (closed Details are not
// visible), no sideways scrolling, and the primary action first in focus order.
import assert from 'node:assert/strict';
import { JARGON } from '../src/common/words.js';

export const POPUP_SIZE = { width: 400, height: 600 };

/** Opens the popup for `tabId` as a 400×600 page and waits for its first render. */
export async function openPopupPage(context, extensionId, tabId) {
  const popup = await context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${extensionId}/popup/popup.html?tab=${tabId}`, { timeout: 15000 });
  await popup.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
  return popup;
}

export function assertPlain(text, label) {
  for (const re of JARGON) assert.doesNotMatch(text, re, `${label}: "${text.slice(0, 300)}" matches ${re}`);
}

export async function checkLayout(popup, label) {
  const m = await popup.evaluate(() => {
    const bottom = (sel) => {
      const n = document.querySelector(sel);
      return n ? n.getBoundingClientRect().bottom : null;
    };
    const focusable = [...document.querySelectorAll('button, a[href], summary')].filter((n) => n.offsetParent !== null);
    return {
      headline: bottom('.break.current .headline'),
      primary: bottom('.break.current .primary') ?? bottom('.break.current .advice'),
      text: document.body.innerText,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      focusFirst: focusable[0] ? focusable[0].className : null,
      hasPrimary: !!document.querySelector('.break.current .primary'),
    };
  });
  assert.ok(m.headline !== null && m.headline <= 200, `${label}: headline ends at ${m.headline}px`);
  assert.ok(m.primary !== null && m.primary <= 200, `${label}: primary action ends at ${m.primary}px`);
  assertPlain(m.text, `${label}: visible text outside Details`);
  assert.ok(m.scrollWidth <= m.clientWidth, `${label}: ${m.scrollWidth}px wide in a ${m.clientWidth}px popup`);
  // without a button (advice only) focus starts at Details
  if (m.hasPrimary) assert.match(String(m.focusFirst), /primary/, `${label}: the primary action is the first thing focus reaches`);
  return m;
}

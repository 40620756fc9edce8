// The native-messaging hop for real: Chromium starts the host jar for our extension id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prerequisites, makeProfile, launchBrowser, HOST_NAME } from '../lib/harness.mjs';

const pre = prerequisites();
const skip = !pre.ok && !pre.required ? `missing: ${pre.missing.join('; ')}` : false;

test('chromium extension connectNative to the registered host gets hello', { skip, timeout: 90_000 }, async () => {
  assert.ok(pre.ok, `prerequisites missing: ${pre.missing.join('; ')}`);
  const profile = makeProfile('hop');
  const { context, worker } = await launchBrowser(profile.profile);
  try {
    const hello = await worker.evaluate((name) => new Promise((res) => {
      const port = chrome.runtime.connectNative(name);
      const timer = setTimeout(() => res({ error: 'no hello within 20 s' }), 20_000);
      port.onMessage.addListener((m) => { if (m.type === 'hello') { clearTimeout(timer); port.disconnect(); res(m); } });
      port.onDisconnect.addListener(() => { clearTimeout(timer); res({ error: chrome.runtime.lastError?.message || 'disconnected' }); });
    }), HOST_NAME);
    assert.equal(hello.error, undefined, `host unreachable: ${hello.error}`);
    assert.equal(hello.type, 'hello');
    assert.equal(hello.protocol, 1);
  } finally {
    await context.close();
    profile.cleanup();
  }
});

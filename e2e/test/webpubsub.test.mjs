// Streams belong to their page's site (issue 21, class 6), in real Chromium: the lab impersonates
// chatgpt.com and ChatGPT's WebSocket transport on a *.webpubsub.azure.com host (both mapped to
// 127.0.0.1 by --host-resolver-rules; nothing leaves the machine). The socket carries Web PubSub
// messages with base64 SSE bodies ending in [DONE], and the server drops it after the answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, labBrowserSuite } from '../lib/suite.mjs';
import { openCase, breakOfTab, ranked, streamsOfTab } from '../lib/user-sees.mjs';

const PUBSUB_HOST = 'lab.webpubsub.azure.com';
const skip = browserSkip();
const env = labBrowserSuite('webpubsub', {
  skip,
  labArgs: ['--https-port', '0'],
  browserOpts: () => ({ extraArgs: [`--host-resolver-rules=MAP chatgpt.com 127.0.0.1, MAP ${PUBSUB_HOST} 127.0.0.1`,
    '--ignore-certificate-errors'] }),
});
const base = () => `https://chatgpt.com:${new URL(env.lab.https).port}/`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('clean answer over the Web PubSub socket, socket dropped after [DONE]: no break, filed under chatgpt', { skip, timeout: 60_000 }, async () => {
  const { page, tabId } = await openCase(env.browser.context, env.browser.worker, base(), 'wps-clean',
    `proto=webpubsub&ws_host=${PUBSUB_HOST}&fault=clean&autostart=1`);
  await page.waitForFunction(() => window.__lab && window.__lab.state === 'done', null, { timeout: 30_000 });
  await sleep(3_000); // the server drops the socket 300 ms after [DONE]; give a break time to show
  const streams = await streamsOfTab(env.browser.worker, tabId);
  const r = await breakOfTab(env.browser.worker, tabId, 500);
  await page.close();
  const ws = streams.find((s) => s.kind === 'ws');
  assert.ok(ws, `the socket was followed: ${JSON.stringify(streams)}`);
  assert.deepEqual([ws.site, ws.url, ws.state], ['chatgpt', `wss://${PUBSUB_HOST}:${new URL(env.lab.https).port}/client/hubs/conversations`, 'complete']);
  assert.equal(r.brk, null, `no break: ${JSON.stringify(r.brk)}`);
});

test('answer cut mid-stream on the Web PubSub socket: a break filed under chatgpt', { skip, timeout: 60_000 }, async () => {
  const { page, tabId } = await openCase(env.browser.context, env.browser.worker, base(), 'wps-drop',
    `proto=webpubsub&ws_host=${PUBSUB_HOST}&fault=ws_drop&autostart=1`);
  const r = await breakOfTab(env.browser.worker, tabId, 30_000);
  await page.close();
  assert.ok(r.brk, 'a break');
  assert.equal(r.brk.site, 'chatgpt');
  assert.equal(r.brk.symptom, 'message_stream_error');
  assert.equal(ranked(r.brk)[0], 'stream.dropped_unexplained', JSON.stringify(r.brk.findings));
  assert.ok(r.notification);
});

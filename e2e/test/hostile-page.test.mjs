// A hostile script on a chat page (the lab is a configured chat site here) streams from loopback
// ports of its choosing and lets the streams break. A listener on those ports tells the browser's
// requests (an HTTP request line) from anything else (a probe's bare connect or TLS ClientHello):
// the host must send the latter 0 times, since it probes a site only on its configured port.
// (host/…/it/HostileSessionIT covers private/unlisted hosts and DNS with a real DNS server.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { tabIdFor, workerState } from '../lib/cases.mjs';
import { browserSkip, labBrowserSuite } from '../lib/suite.mjs';

const skip = browserSkip();
const env = labBrowserSuite('hostile', { skip });

/** Answers an HTTP request with an SSE head and one event, then resets; counts every other connection. */
function watchedPort() {
  const counts = { browser: 0, other: 0 };
  const server = createServer((socket) => {
    let seen = false;
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('error', () => {});
    socket.once('data', (chunk) => {
      seen = true;
      if (/^[A-Z]+ \/\S* HTTP\/1\.[01]\r\n/.test(chunk.toString('latin1'))) {
        counts.browser++;
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nAccess-Control-Allow-Origin: *\r\n'
          + 'Cache-Control: no-store\r\n\r\ndata: {"n":1}\n\n');
        setTimeout(() => { clearTimeout(timer); socket.resetAndDestroy(); }, 150);
      } else {
        counts.other++;
        clearTimeout(timer);
        socket.destroy();
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (!seen) counts.other++;
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, counts, port: server.address().port })));
}

const watched = [];
after(() => { for (const w of watched) w.server.close(); });

test('streams a chat page opens to loopback ports it chose: 0 connections from the host', { skip, timeout: 90_000 }, async () => {
  const a = await watchedPort();
  const b = await watchedPort();
  watched.push(a, b);
  const page = await env.browser.context.newPage();
  const marker = 'case=hostile';
  await page.goto(`${env.lab.url}?${marker}`);
  const tabId = await tabIdFor(env.browser.worker, marker);
  await page.evaluate(async (urls) => {
    for (const u of urls) {
      try {
        const r = await fetch(u);
        const reader = r.body.getReader();
        while (!(await reader.read()).done);
      } catch {
        // the reset: exactly the break we want the extension to report
      }
    }
  }, [`http://127.0.0.1:${a.port}/lab/sse/hostile`, `http://localhost:${b.port}/lab/sse/hostile`]);
  // Both breaks reach the host and come back as verdicts: the host saw them and could have probed.
  const deadline = Date.now() + 30_000;
  let mine = [];
  while (Date.now() < deadline) {
    const s = await workerState(env.browser.worker);
    mine = (s ? s.breaks : []).filter((brk) => String(brk.stream || '').split(':')[0] === String(tabId));
    if (mine.length >= 2) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(mine.length, 2, `both hostile breaks got a verdict: ${JSON.stringify(mine).slice(0, 800)}`);
  // The post-mortem's deadline is 2 s: any probe of these ports would have happened by now.
  await new Promise((r) => setTimeout(r, 4000));
  await page.close();
  assert.ok(a.counts.browser >= 1 && b.counts.browser >= 1, `the page's own requests arrived: ${JSON.stringify([a.counts, b.counts])}`);
  assert.equal(a.counts.other + b.counts.other, 0, `connections from anything but the page: ${JSON.stringify([a.counts, b.counts])}`);
});

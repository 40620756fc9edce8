// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe, for benchmarks that
// must not be watched while they run. Playwright enables the Network domain on every page it
// drives, so Chromium reports each WebSocket frame and body chunk to the driver (the browser
// process serialises it, the driver parses it): at 18k frames/s that was ~40 % of a core in the
// browser process and another in node, shared by both browsers of a comparison. Here only
// browser-level Target commands are sent; no page session is attached while a page measures.
// Protocol: https://chromedevtools.github.io/devtools-protocol/ (pipe: NUL-terminated JSON,
// Chromium reads fd 3 and writes fd 4).
import { spawn } from 'node:child_process';
import { quietChromiumArgs } from '../../extension/test-support/quiet-browser.mjs';

/** Flags both browsers of a comparison get (Playwright's defaults that keep pages unthrottled). */
// The tests' quiet switches and vendor resolver rules (extension/test-support/quiet-browser.mjs)
// plus what steadies timings; callers append theirs (none passes --host-resolver-rules).
export const QUIET_FLAGS = quietChromiumArgs(['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding', '--disable-hang-monitor', '--disable-dev-shm-usage',
  '--password-store=basic', '--use-mock-keychain']);

/**
 * Starts `executable` with `args` and a CDP pipe, on CPU `pinCpu` (taskset) when given. Resolves
 * with {send(method, params, sessionId), targets(), evaluate(targetId, expr), close()}; every
 * command times out after `timeoutMs`.
 */
export async function launchPiped(executable, args, { env = process.env, timeoutMs = 30_000, pinCpu = null } = {}) {
  const pin = pinCpu != null ? ['taskset', ['-c', String(pinCpu), executable]] : [executable, []];
  const child = spawn(pin[0], [...pin[1], '--remote-debugging-pipe', ...args, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], env });
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  const pending = new Map();
  let nextId = 1;
  let buf = Buffer.alloc(0);
  let exited = false;
  child.on('exit', () => {
    exited = true;
    for (const p of pending.values()) p.reject(new Error('browser exited'));
    pending.clear();
  });
  fromBrowser.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    let i;
    while ((i = buf.indexOf(0)) >= 0) {
      const msg = JSON.parse(buf.subarray(0, i).toString('utf8'));
      buf = buf.subarray(i + 1);
      const p = msg.id && pending.get(msg.id);
      if (!p) continue;
      pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
    }
  });
  fromBrowser.on('error', () => {});
  toBrowser.on('error', () => {});
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    if (exited) { reject(new Error('browser exited')); return; }
    const id = nextId++;
    const timer = setTimeout(() => { pending.delete(id); reject(new Error(`${method}: no answer in ${timeoutMs} ms`)); }, timeoutMs);
    pending.set(id, { resolve, reject, timer, method });
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  });
  await send('Browser.getVersion');
  return {
    send,
    pid: child.pid,
    async targets() {
      return (await send('Target.getTargets')).targetInfos;
    },
    /** Evaluates `expression` in a target (e.g. the extension's worker) through a short session. */
    async evaluate(targetId, expression) {
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      try {
        const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
        return r.result.value;
      } finally {
        await send('Target.detachFromTarget', { sessionId }).catch(() => {});
      }
    },
    async close() {
      if (exited) return;
      await send('Browser.close').catch(() => {});
      await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.once('exit', () => { clearTimeout(t); r(); }); });
    },
  };
}

/** Waits (bounded) until a target matching `pred` exists; returns it. */
export async function waitForTarget(browser, pred, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const t = (await browser.targets()).find(pred);
    if (t) return t;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${what} after ${timeoutMs} ms`);
}

// A minimal WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) for Firefox's built-in
// remote agent (`--remote-debugging-port`): no geckodriver needed. Used for web pages only; the
// add-on's own pages are out of its reach (see rdp.mjs).
import WebSocket from 'ws';

export class Bidi {
  constructor(ws) {
    this.ws = ws;
    this.id = 0;
    this.pending = new Map();
    ws.on('message', (d) => {
      const m = JSON.parse(d);
      const p = m.id !== undefined ? this.pending.get(m.id) : null;
      if (p) {
        this.pending.delete(m.id);
        if (m.type === 'error') p.reject(new Error(`BiDi ${p.method}: ${m.error}: ${m.message}`));
        else p.resolve(m.result);
      }
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('BiDi connection closed'));
      this.pending.clear();
    });
  }

  static async connect(port, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    let last = null;
    while (Date.now() < deadline) {
      try {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
        await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
        const bidi = new Bidi(ws);
        await bidi.send('session.new', { capabilities: {} });
        return bidi;
      } catch (e) {
        last = e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    throw new Error(`WebDriver BiDi on port ${port} not reachable within ${timeoutMs} ms: ${last}`);
  }

  send(method, params = {}, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const id = ++this.id;
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`BiDi ${method}: no answer in ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Opens `url` in a new tab and waits for its load event; returns the browsing context id. */
  async openTab(url) {
    const { context } = await this.send('browsingContext.create', { type: 'tab' });
    await this.send('browsingContext.navigate', { context, url, wait: 'complete' });
    return context;
  }

  /** Evaluates `expr` in the page; returns its JSON-able value. */
  async evaluate(context, expr) {
    const r = await this.send('script.evaluate', {
      expression: `JSON.stringify(${expr})`, target: { context }, awaitPromise: true, resultOwnership: 'none',
    });
    if (r.type === 'exception') throw new Error(`page evaluation failed: ${r.exceptionDetails.text}`);
    const v = r.result && r.result.value;
    return v === undefined ? undefined : JSON.parse(v);
  }

  /** Polls `expr` in the page until `pred(value)` holds, bounded by `timeoutMs`. */
  async waitFor(context, expr, pred, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      last = await this.evaluate(context, expr).catch(() => undefined);
      if (pred(last)) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
  }

  async screenshot(context) {
    const r = await this.send('browsingContext.captureScreenshot', { context });
    return Buffer.from(r.data, 'base64');
  }

  closeTab(context) {
    return this.send('browsingContext.close', { context }).catch(() => {});
  }

  async end() {
    await this.send('session.end', {}, 5_000).catch(() => {});
    this.ws.close();
  }
}

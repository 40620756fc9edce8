// A minimal client for Firefox's own remote debugging protocol (the one web-ext and
// about:debugging use; packets are `<byte length>:<JSON>` over TCP, see
// https://firefox-source-docs.mozilla.org/devtools/backend/protocol.html). WebDriver BiDi cannot
// reach an add-on's background page (navigating to moz-extension: is refused), but the add-on's
// debugger console can: this is what "Inspect" in about:debugging evaluates in.
import net from 'node:net';

export class Rdp {
  constructor(socket) {
    this.socket = socket;
    this.buf = Buffer.alloc(0);
    this.listeners = [];
    this.closed = null;
    socket.on('data', (d) => this.onData(d));
    socket.on('close', () => { this.closed = new Error('RDP connection closed'); this.listeners.forEach((l) => l(null)); });
    socket.on('error', () => {});
  }

  static async connect(port, timeoutMs = 10_000) {
    const socket = net.createConnection({ port, host: '127.0.0.1' });
    const rdp = new Rdp(socket);
    await rdp.next((m) => m.from === 'root', timeoutMs, 'the root greeting');
    return rdp;
  }

  onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const colon = this.buf.indexOf(58);
      if (colon < 0) return;
      const n = Number(this.buf.subarray(0, colon).toString());
      if (this.buf.length < colon + 1 + n) return;
      const msg = JSON.parse(this.buf.subarray(colon + 1, colon + 1 + n).toString());
      this.buf = this.buf.subarray(colon + 1 + n);
      for (const l of this.listeners.slice()) l(msg);
    }
  }

  /** Resolves with the next packet matching `pred`, bounded by `timeoutMs`. */
  next(pred, timeoutMs = 15_000, what = 'a packet') {
    return new Promise((resolve, reject) => {
      if (this.closed) { reject(this.closed); return; }
      const done = (fn, v) => { clearTimeout(timer); this.listeners.splice(this.listeners.indexOf(l), 1); fn(v); };
      const l = (m) => {
        if (m === null) done(reject, this.closed);
        else if (pred(m)) done(resolve, m);
      };
      const timer = setTimeout(() => done(reject, new Error(`RDP: no ${what} within ${timeoutMs} ms`)), timeoutMs);
      this.listeners.push(l);
    });
  }

  async request(packet, timeoutMs = 15_000) {
    const reply = this.next((m) => m.from === packet.to, timeoutMs, `reply to ${packet.type}`);
    const s = JSON.stringify(packet);
    this.socket.write(`${Buffer.byteLength(s)}:${s}`);
    const m = await reply;
    if (m.error) throw new Error(`RDP ${packet.type}: ${m.error} ${m.message || ''}`);
    return m;
  }

  /** Installs a folder as a temporary add-on (what web-ext and about:debugging do). */
  async installTemporaryAddon(path) {
    const root = await this.request({ to: 'root', type: 'getRoot' });
    const r = await this.request({ to: root.addonsActor, type: 'installTemporaryAddon', addonPath: path });
    return r.addon.id;
  }

  /**
   * Watches `addonId`'s documents (background page, tabs showing its pages). Returns
   * `consoleFor(re, timeoutMs)`: the console actor of the first document whose URL matches `re`.
   */
  async watchAddon(addonId) {
    const { addons } = await this.request({ to: 'root', type: 'listAddons' });
    const addon = addons.find((a) => a.id === addonId);
    if (!addon) throw new Error(`add-on ${addonId} is not installed; have ${addons.map((a) => a.id)}`);
    const watcher = await this.request({ to: addon.actor, type: 'getWatcher', isServerTargetSwitchingEnabled: true });
    const forms = [];
    this.listeners.push((m) => {
      if (m && m.type === 'target-available-form') forms.push(m.target);
      if (m && m.type === 'target-destroyed-form') forms.splice(0, forms.length, ...forms.filter((f) => f.actor !== m.target.actor));
    });
    await this.request({ to: watcher.actor, type: 'watchTargets', targetType: 'frame' });
    return async (re, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const f = forms.slice().reverse().find((x) => re.test(String(x.url)));
        if (f) return f.consoleActor;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no document of ${addonId} matching ${re} within ${timeoutMs} ms; have ${forms.map((x) => x.url)}`);
    };
  }

  /** Evaluates `expr` (may use await) in the console `actor`; returns the value as a string. */
  async evaluate(actor, expr, timeoutMs = 15_000) {
    const text = `(async () => { return (${expr}); })()`;
    const result = this.next((m) => m.from === actor && m.type === 'evaluationResult', timeoutMs, 'evaluation result');
    await this.request({ to: actor, type: 'evaluateJSAsync', text, mapped: { await: true } }, timeoutMs);
    const r = await result;
    if (r.hasException) throw new Error(`evaluation failed: ${r.exceptionMessage}`);
    const v = r.result;
    if (v && typeof v === 'object' && v.type === 'longString') {
      const s = await this.request({ to: v.actor, type: 'substring', start: 0, end: v.length }, timeoutMs);
      return s.substring;
    }
    if (v && typeof v === 'object' && v.type === 'undefined') return undefined;
    if (v && typeof v === 'object' && v.type === 'null') return null;
    return v;
  }

  /** Evaluates an expression whose value is JSON-able, returning the parsed value. */
  async evaluateJson(actor, expr, timeoutMs) {
    const s = await this.evaluate(actor, `JSON.stringify(${expr})`, timeoutMs);
    return s === undefined ? undefined : JSON.parse(s);
  }

  close() {
    this.socket.destroy();
  }
}

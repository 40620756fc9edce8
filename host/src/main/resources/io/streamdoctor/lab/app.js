// StreamDoctor lab chat page. Self-contained: no external assets. Drivable by URL
// (?fault=rst&proto=sse&autostart=1&prompt_bytes=N) and observable through window.__lab.
(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  // wrap_fetch=break plays another extension's (or page script's) fetch wrapper that breaks the
  // page's reader: it reads the real stream to its end, then errors the copy the page reads. The
  // stream itself completed; the page shows "Error in message stream".
  if (params.get('wrap_fetch') === 'break') {
    const original = window.fetch;
    window.fetch = async function fetch(input, init) {
      const res = await original.call(this, input, init);
      if (!res.body || !/event-stream/.test(res.headers.get('content-type') || '')) return res;
      const reader = res.body.getReader();
      const body = new ReadableStream({
        async pull(c) {
          const { value, done } = await reader.read();
          if (done) c.error(new TypeError('the wrapper lost the stream'));
          else c.enqueue(value);
        },
      });
      return new Response(body, { status: res.status, headers: res.headers });
    };
  }
  const FAULTS = ['clean', 'fin', 'rst', 'stall', 'cut', 'drip', 'http401', 'http403', 'http429',
    'http500', 'http502', 'http504', 'ws1011', 'ws1013', 'ws_drop', 'overloaded', 'slow_ttft'];
  // `tag` is ignored by the server: it only marks a stream URL (e2e blocker rules match it).
  const PASS_THROUGH = ['after', 'at', 'frames', 'gap_ms', 'ttft_ms', 'then', 'retry_after', 'hold_ms', 'tag'];
  // `stream_host=NAME` streams from NAME on the page's port instead of the page's own host (the
  // DNS-failure scenario: a browser mapping NAME to NOTFOUND). Letters, digits, dots, dashes only.
  const STREAM_HOST = /^[a-z0-9.-]{1,253}$/i.test(params.get('stream_host') || '') ? params.get('stream_host') : null;
  const WS_HOST = /^[a-z0-9.-]{1,253}$/i.test(params.get('ws_host') || '') ? params.get('ws_host') : null;
  // The banners chat sites show; the extension's adapters match these texts.
  const BANNERS = {
    stream: 'Error in message stream',
    network: 'Network error',
    server: 'Something went wrong',
  };
  // Real sites' stream paths, used when the page is served under their host name.
  const SITE_PATHS = {
    'chatgpt.com': { sse: () => '/backend-api/conversation' },
    'chat.openai.com': { sse: () => '/backend-api/conversation' },
    'claude.ai': { claude: (id) => '/api/organizations/lab/chat_conversations/' + id + '/completion' },
    'copilot.microsoft.com': { ws: () => '/c/api/chat' },
  };
  const lab = (window.__lab = {
    state: 'idle', frames: 0, bytes: 0, error: null, status: null, closeCode: null,
    wasClean: null, text: '', id: null, banner: null, exchanges: 0, errorAt: null,
  });

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  }

  const shell = document.getElementById('shell');
  if (shell) shell.remove(); // the app came up: it replaces the server-rendered shell
  const main = el('main', { id: 'app' });
  main.append(el('h1', {}, 'StreamDoctor lab chat'),
    el('p', { class: 'sub' }, 'A local chat simulator that breaks answer streams on purpose.'));
  const form = el('form');
  const prompt = el('textarea', { id: 'prompt', placeholder: 'Ask anything' });
  prompt.value = params.get('prompt') || 'Tell me about stream faults.';
  const fault = el('select', { id: 'fault', 'aria-label': 'fault' });
  for (const f of FAULTS) fault.append(el('option', { value: f }, f));
  fault.value = FAULTS.includes(params.get('fault')) ? params.get('fault') : 'clean';
  const proto = el('select', { id: 'proto', 'aria-label': 'protocol' });
  for (const p of ['sse', 'claude', 'ws', 'webpubsub']) proto.append(el('option', { value: p }, p));
  proto.value = params.get('proto') || defaultProto();
  const send = el('button', { id: 'send', type: 'submit' }, 'Send');
  form.append(prompt, fault, proto, send);
  const answer = el('div', { id: 'answer', 'aria-live': 'polite' });
  const status = el('div', { id: 'status' }, 'idle');
  main.append(form, answer, status);
  document.body.append(main);

  function defaultProto() {
    const site = SITE_PATHS[location.hostname];
    return site ? Object.keys(site)[0] : 'sse';
  }

  function setState(s) {
    lab.state = s;
    status.textContent = s + (lab.error ? ': ' + lab.error : '') + ' · frames ' + lab.frames;
  }

  function showBanner(kind, detail) {
    for (const old of document.querySelectorAll('[data-sd-banner]')) old.remove();
    const b = el('div', { role: 'alert', 'data-sd-banner': kind }, BANNERS[kind]);
    if (detail) b.append(el('small', {}, ' (' + detail + ')'));
    main.append(b);
    lab.banner = kind;
  }

  function fail(kind, detail) {
    // When the page saw the break (epoch ms): bench/latency.sh measures from here to the verdict.
    lab.errorAt = performance.timeOrigin + performance.now();
    lab.error = String(detail && detail.message ? detail.message : detail);
    showBanner(kind, lab.error);
    setState('error');
  }

  function streamUrl(p, id) {
    const q = new URLSearchParams({ fault: fault.value, id });
    for (const k of PASS_THROUGH) if (params.has(k)) q.set(k, params.get(k));
    const site = SITE_PATHS[location.hostname];
    const path = site && site[p] ? site[p](id) : '/lab/' + p + '/' + id;
    const origin = STREAM_HOST ? location.protocol + '//' + STREAM_HOST + (location.port ? ':' + location.port : '') : '';
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const port = location.port ? ':' + location.port : '';
    // webpubsub: ChatGPT's WebSocket transport on another host (ws_host, e.g. a name the browser
    // maps to the lab), speaking Azure Web PubSub messages with base64 SSE bodies.
    if (p === 'webpubsub') return scheme + (WS_HOST || location.hostname) + port + '/client/hubs/conversations?' + q;
    if (p !== 'ws') return origin + path + '?' + q;
    const wsPort = document.querySelector('meta[name="sd-lab-ws-port"]').content;
    const hostname = STREAM_HOST || location.hostname;
    // ws=blackhole: a port where new connections never complete (SYNs dropped): CONNECTING forever.
    const hole = document.querySelector('meta[name="sd-lab-blackhole-port"]').content;
    if (params.get('ws') === 'blackhole') return 'ws://' + hostname + ':' + hole + path + '?' + q;
    const host = params.get('ws') === 'direct' ? hostname + ':' + wsPort : hostname + port;
    return scheme + host + path + '?' + q;
  }

  function addText(t) {
    if (typeof t !== 'string') return;
    lab.frames++;
    lab.text += t;
    answer.textContent = lab.text;
  }

  function promptBody(id) {
    const n = Number(params.get('prompt_bytes') || 0);
    let text = prompt.value;
    if (n > text.length) text += ' ' + 'x'.repeat(n - text.length - 1);
    return JSON.stringify({ id, prompt: text });
  }

  async function runSse(url, body) {
    let res;
    try {
      // Cross-origin (stream_host): a CORS-safelisted content type, so no preflight hides the
      // real request's outcome from the browser's request log.
      const type = STREAM_HOST ? 'text/plain;charset=UTF-8' : 'application/json';
      res = await fetch(url, { method: 'POST', body, headers: { 'content-type': type, accept: 'text/event-stream' } });
    } catch (e) {
      return fail('network', e);
    }
    lab.status = res.status;
    if (!res.ok) return fail('server', 'HTTP ' + res.status);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    let terminal = false;
    let errorType = null;
    const onEvent = (raw) => {
      let name = null;
      let data = '';
      for (const line of raw.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      if (data === '[DONE]' || name === 'message_stop') { terminal = true; return; }
      let obj;
      try { obj = JSON.parse(data); } catch { return; }
      if (name === 'error' || (obj && obj.error)) {
        errorType = (obj.error && obj.error.type) || 'server_error';
        return;
      }
      if (obj && typeof obj.v === 'string') addText(obj.v);
      else if (obj && obj.delta && typeof obj.delta.text === 'string') addText(obj.delta.text);
    };
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        lab.bytes += value.length;
        buf += decoder.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          onEvent(buf.slice(0, i));
          buf = buf.slice(i + 2);
        }
        setState('streaming');
      }
    } catch (e) {
      return fail('stream', e);
    }
    if (errorType) return fail('server', errorType);
    if (!terminal) return fail('stream', 'the answer ended without its end marker');
    setState('done');
  }

  function runWs(url, body) {
    return new Promise((resolve) => {
      let ws;
      try {
        ws = new WebSocket(url);
      } catch (e) {
        fail('network', e);
        return resolve();
      }
      let opened = false;
      let finished = false;
      let errorType = null;
      ws.onopen = () => {
        opened = true;
        ws.send(body);
      };
      // Web PubSub bodies are SSE text: tokens as data: {"v":…}, the end as data: [DONE]; the
      // socket stays open after the answer (the server may drop it later: no harm done).
      const onPubSubBody = (sse) => {
        for (const block of sse.split('\n\n')) {
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('');
          if (!data) continue;
          if (data === '[DONE]') { finished = true; continue; }
          try {
            const obj = JSON.parse(data);
            if (obj.error) errorType = obj.error.type || 'server_error';
            else if (typeof obj.v === 'string') addText(obj.v);
          } catch { /* not JSON: ignore */ }
        }
      };
      ws.onmessage = (m) => {
        lab.bytes += String(m.data).length;
        let obj;
        try { obj = JSON.parse(m.data); } catch { return; }
        if (obj.type === 'message' && obj.data && typeof obj.data.body === 'string') {
          onPubSubBody(atob(obj.data.body));
          setState(finished ? 'done' : 'streaming');
          return;
        }
        if (obj.event === 'appendText') addText(obj.text);
        else if (obj.event === 'done') { finished = true; ws.close(1000); }
        else if (obj.event === 'error') errorType = obj.errorCode || 'server_error';
        setState('streaming');
      };
      ws.onclose = (e) => {
        lab.closeCode = e.code;
        lab.wasClean = e.wasClean;
        if (finished) setState('done');
        else if (errorType) fail('server', errorType);
        else if (!opened) fail('network', 'WebSocket closed before it opened (' + e.code + ')');
        else if ([1011, 1012, 1013, 1014].includes(e.code)) fail('server', 'close ' + e.code);
        else fail('stream', 'close ' + e.code);
        resolve();
      };
    });
  }

  async function start() {
    const id = 'x' + Math.random().toString(16).slice(2, 10) + (++lab.exchanges);
    Object.assign(lab, { id, frames: 0, bytes: 0, error: null, status: null, closeCode: null,
      wasClean: null, text: '', banner: null });
    for (const old of document.querySelectorAll('[data-sd-banner]')) old.remove();
    answer.textContent = '';
    setState('streaming');
    const url = streamUrl(proto.value, id);
    if (proto.value === 'ws' || proto.value === 'webpubsub') await runWs(url, promptBody(id));
    else await runSse(url, promptBody(id));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    start();
  });
  if (params.get('autostart') === '1') start();
})();

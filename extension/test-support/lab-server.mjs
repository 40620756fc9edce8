// A tiny local chat-like server for browser tests: pages, SSE streams (ChatGPT- and Claude-like),
// a redirect, binary bytes, an EventSource stream and a Copilot-like WebSocket. Every answer
// carries `answer` (the tests pass the canary) so leaks are detectable.
import http from 'node:http';

export async function startLabServer({ answer = 'hello', page = '<!doctype html><title>lab</title><div id="app">lab</div>' } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (p === '/' || p === '/page.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      } else if (p === '/lab/sse/reset') {
        // one frame, then a TCP reset mid-answer (Node: socket.resetAndDestroy sends RST)
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: {"delta":"${answer}"}\n\n`);
        setTimeout(() => res.socket.resetAndDestroy(), 50);
      } else if (p === '/lab/sse/429') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '30' });
        res.end('{"error":{"type":"rate_limit_error"}}');
      } else if (p === '/lab/sse/stall') {
        // a steady start, then silence with the connection open (the hook's stall threshold)
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        let i = 0;
        const next = () => (i++ < 8 ? (res.write(`data: {"delta":"${answer} ${i}"}\n\n`), setTimeout(next, 40)) : null);
        next();
      } else if (p.startsWith('/lab/sse/')) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-test': 'sse' });
        const frames = [`data: {"delta":"${answer}"}\n\n`, `data: {"delta":"${answer} 2"}\n\n`, 'data: [DONE]\n\n'];
        let i = 0;
        const next = () => (i < frames.length ? (res.write(frames[i++]), setTimeout(next, 20)) : res.end());
        next();
      } else if (p.startsWith('/lab/claude/')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`event: content_block_delta\ndata: {"delta":{"text":"${answer}"}}\n\n`);
        res.write(`event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"${answer}"}}\n\n`);
        res.end();
      } else if (p === '/lab/es') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(`data: ${answer}\n\n`);
        setTimeout(() => res.end('data: [DONE]\n\n'), 30);
      } else if (p === '/redirect') {
        res.writeHead(302, { location: '/bytes' });
        res.end();
      } else if (p === '/bytes') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-test': 'bytes' });
        res.end(Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256)));
      } else if (p === '/status500') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(`{"error":"${answer}"}`);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  const { WebSocketServer } = await import('ws'); // dev dependency: loaded only when a browser test runs
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url.startsWith('/lab/ws/')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data, isBinary) => {
        const text = data.toString();
        if (isBinary) return ws.send(data, { binary: true });
        if (text === 'close-normal') return ws.close(1000, 'bye');
        if (text === 'drop') return ws.terminate();
        // Mid-answer: one token, then the connection dies before the answer's `done`.
        if (text === 'drop-mid') {
          ws.send(JSON.stringify({ event: 'appendText', text: answer }));
          return setTimeout(() => ws.terminate(), 50);
        }
        ws.send(JSON.stringify({ event: 'appendText', text: answer }));
        ws.send(JSON.stringify({ event: 'appendText', text: 'echo:' + text }));
        ws.send(JSON.stringify({ event: 'done' }));
      });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

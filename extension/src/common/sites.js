// The one table of everything site-specific (product-brief section 4). Sites change: when one
// does, only this file changes. Every parser returns short codes, never the site's own text.

import { createSseParser, classifySseEvent } from './sse.js';
import { decodeBase64 } from './base64.js';

const SHORT_CODE_RE = /^[a-z][a-z0-9_]{0,39}$/;

/** Turns a site-provided error type into a short code, or "server_error" when it is not one. */
export function shortCode(value) {
  if (typeof value !== 'string') return 'server_error';
  const v = value.toLowerCase();
  return SHORT_CODE_RE.test(v) ? v : 'server_error';
}

// Banner texts shared by every chat UI; ids are stable (they travel to the host).
const COMMON_BANNERS = [
  { id: 'error_in_message_stream', symptom: 'message_stream_error', re: /error in (message|body) stream/i },
  { id: 'response_interrupted', symptom: 'message_stream_error', re: /response was interrupted/i },
  { id: 'network_error', symptom: 'network_error', re: /network (error|connection was lost)/i },
  { id: 'something_went_wrong', symptom: 'something_went_wrong', re: /something went wrong/i },
  { id: 'error_generating', symptom: 'something_went_wrong', re: /error (occurred )?(while )?generating (a |the )?response/i },
  { id: 'only_one_message', symptom: 'bad_error', re: /only one message at a time/i },
  { id: 'bad_error', symptom: 'bad_error', re: /\bbad error\b/i },
  { id: 'too_many_requests', symptom: 'something_went_wrong', re: /too many requests|rate limit/i },
  { id: 'overloaded', symptom: 'something_went_wrong', re: /\boverloaded\b/i },
];

// The site's own retry control, clicked by the content script only when the user presses our
// Regenerate button (src/bridge/regenerate.js): the last visible button matching `selector` whose
// accessible name matches `label` (compared in the page, never sent anywhere). The production
// sites' markup is not pinned by a test here: the label match keeps this working across their
// class-name churn, and a miss says so instead of clicking something else.
const RETRY_BUTTONS = { selector: 'button', label: /^\s*(regenerate|retry|try again)\b/i };

/** `{"error":{"type":"x"}}`, `{"type":"error","error":{...}}`, `{"error":"text"}` → code. */
function parseJsonError(obj) {
  if (!obj || typeof obj !== 'object') return null;
  const err = obj.error;
  if (err && typeof err === 'object') return shortCode(err.type || err.code);
  if (typeof err === 'string' && err) return 'server_error';
  if (obj.type === 'error') return 'server_error';
  return null;
}

/** Copilot-style socket frames: {"event":"appendText"|"done"|"error"}. */
function copilotFrame(obj) {
  if (!obj || typeof obj !== 'object') return null;
  if (obj.event === 'appendText') return { token: true };
  if (obj.event === 'done') return { terminal: true };
  if (obj.event === 'error') return { errorType: obj.errorCode ? shortCode(obj.errorCode) : 'server_error' };
  return null;
}

/**
 * ChatGPT's WebSocket transport (Azure Web PubSub, subprotocol json.webpubsub.azure.v1): each
 * server message is {"type":"message","dataType":…,"data":…}. The answer travels as the same
 * SSE text the HTTP stream carries, base64-encoded: in data.body (dataType json, ChatGPT's
 * {"type":"http.response.body","body":…} envelope) or as the whole data (dataType binary). The
 * answer ends with `data: [DONE]` like the SSE stream. System and ack messages only count.
 */
function webPubSubFrame(obj) {
  if (!obj || obj.type !== 'message') return null;
  const d = obj.data;
  let b64 = null;
  if (typeof d === 'string' && obj.dataType === 'binary') b64 = d;
  else if (d && typeof d === 'object' && typeof d.body === 'string') b64 = d.body;
  if (b64 === null) return d && typeof d === 'object' ? { errorType: parseJsonError(d) } : null;
  const out = { token: false, terminal: false, errorType: null };
  const parser = createSseParser((type, data) => {
    const c = classifySseEvent(CHATGPT_SSE, type, data);
    out.token = out.token || c.token;
    out.terminal = out.terminal || c.terminal;
    out.errorType = out.errorType || c.errorType;
  });
  parser.push(decodeBase64(b64.slice(0, MAX_B64)));
  parser.push('\n\n'); // a body is whole SSE events; a missing final blank line must not hide [DONE]
  return out;
}

const MAX_B64 = 65536;
const CHATGPT_SSE = { sseDone: '[DONE]', parseError: parseJsonError };

export const SITES = [
  {
    id: 'chatgpt',
    name: 'ChatGPT',
    hosts: ['chatgpt.com', 'chat.openai.com'],
    streams: [
      { re: /^\/backend-api\/(f\/)?conversation$/, kind: 'sse' },
      { re: /^\/backend-api\/.*\/stream/, kind: 'sse' },
    ],
    sseDone: '[DONE]',
    parseError: parseJsonError,
    wsFrame: null,
    banners: COMMON_BANNERS,
    bannerSelector: '[role="alert"], .text-token-text-error, [data-testid*="error"]',
    appRoot: '#__next, main',
    authEndpoints: ['/api/auth/session'],
    sessionCookies: ['__Secure-next-auth.session-token', '__Secure-next-auth.session-token.0'],
    regenerate: RETRY_BUTTONS,
    statusPage: { summary: 'https://status.openai.com/api/v2/summary.json', page: 'https://status.openai.com/' },
    // Hosts other than the page's that its answers stream from, each with its own frame grammar.
    transports: [{ host: /(^|\.)webpubsub\.azure\.com$/, kind: 'ws', wsFrame: webPubSubFrame }],
  },
  {
    id: 'claude',
    name: 'Claude',
    hosts: ['claude.ai'],
    streams: [{ re: /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(completion|retry_completion)$/, kind: 'sse' }],
    sseDoneEvent: 'message_stop',
    parseError: parseJsonError,
    wsFrame: null,
    banners: COMMON_BANNERS,
    bannerSelector: '[role="alert"], [data-testid*="error"]',
    appRoot: '#root, main',
    authEndpoints: ['/api/auth/current_account', '/api/bootstrap'],
    sessionCookies: ['sessionKey'],
    regenerate: RETRY_BUTTONS,
    statusPage: { summary: 'https://status.claude.com/api/v2/summary.json', page: 'https://status.claude.com/' },
  },
  {
    id: 'gemini',
    name: 'Gemini',
    hosts: ['gemini.google.com'],
    streams: [{ re: /\/assistant\.lamda\.BardFrontendService\/StreamGenerate$/, kind: 'chunked' }],
    parseError: () => null,
    wsFrame: null,
    banners: COMMON_BANNERS,
    bannerSelector: '[role="alert"], snack-bar-container, mat-snack-bar-container',
    appRoot: 'chat-app, main',
    authEndpoints: [],
    sessionCookies: ['__Secure-1PSID', '__Secure-3PSID'],
    regenerate: RETRY_BUTTONS,
    statusPage: { summary: null, page: 'https://www.google.com/appsstatus/dashboard/' },
  },
  {
    id: 'copilot',
    name: 'Copilot',
    hosts: ['copilot.microsoft.com'],
    streams: [{ re: /^\/c\/api\/chat$/, kind: 'ws' }],
    parseError: parseJsonError,
    wsFrame: copilotFrame,
    banners: COMMON_BANNERS,
    bannerSelector: '[role="alert"]',
    appRoot: 'main, #app',
    authEndpoints: ['/c/api/user'],
    sessionCookies: ['__Host-copilot-anon', 'MUID'],
    regenerate: RETRY_BUTTONS,
    statusPage: { summary: null, page: 'https://portal.office.com/servicestatus' },
  },
  {
    id: 'perplexity',
    name: 'Perplexity',
    hosts: ['www.perplexity.ai'],
    streams: [{ re: /^\/rest\/sse\/perplexity_ask$/, kind: 'sse' }],
    sseDoneEvent: 'end_of_stream',
    parseError: parseJsonError,
    wsFrame: null,
    banners: COMMON_BANNERS,
    bannerSelector: '[role="alert"]',
    appRoot: 'main, #__next',
    authEndpoints: ['/api/auth/session'],
    sessionCookies: ['__Secure-next-auth.session-token'],
    regenerate: RETRY_BUTTONS,
    statusPage: { summary: 'https://status.perplexity.com/api/v2/summary.json', page: 'https://status.perplexity.com/' },
  },
  {
    id: 'lab',
    name: 'Lab chat',
    hosts: ['127.0.0.1', 'localhost'],
    streams: [
      { re: /^\/lab\/sse\//, kind: 'sse' },
      { re: /^\/lab\/claude\//, kind: 'sse' },
      { re: /^\/lab\/ws\//, kind: 'ws' },
    ],
    sseDone: '[DONE]',
    sseDoneEvent: 'message_stop',
    parseError: parseJsonError,
    wsFrame: copilotFrame,
    banners: COMMON_BANNERS,
    bannerSelector: '[data-sd-banner], [role="alert"]',
    appRoot: '#app, main, body > *',
    authEndpoints: ['/lab/auth/session'],
    sessionCookies: ['sd_lab_session'],
    regenerate: { selector: '[data-sd-regenerate]', label: null },
    statusPage: { summary: null, page: null },
  },
];

/** The fallback for any other page that streams: break detection without site knowledge. */
export const GENERIC = {
  id: 'generic',
  name: null,
  hosts: [],
  streams: [],
  parseError: parseJsonError,
  wsFrame: null,
  banners: COMMON_BANNERS,
  bannerSelector: '[role="alert"]',
  appRoot: 'body > *',
  authEndpoints: [],
  sessionCookies: [],
  regenerate: null,
  statusPage: { summary: null, page: null },
};

export const SITE_IDS = SITES.map((s) => s.id).concat(GENERIC.id);

export function siteById(id) {
  return SITES.find((s) => s.id === id) || (id === GENERIC.id ? GENERIC : null);
}

/** The adapter for a page or request host name (lower case, no port). */
export function siteForHost(hostname) {
  const h = String(hostname || '').toLowerCase();
  return SITES.find((s) => s.hosts.includes(h)) || GENERIC;
}

/**
 * The adapter a stream of a page on `site` is accounted with. A stream belongs to its page's site:
 * the site's own stream paths use the site's grammar, a transport host the site lists (ChatGPT's
 * Web PubSub socket) uses that transport's grammar, and any other stream of a chat page keeps the
 * page's site id with the generic grammar (counts, gaps, close codes; no terminal marker).
 * `target`: {host, path, sameSite} of the stream URL.
 */
export function streamAdapter(site, target) {
  if (target.sameSite && streamRule(site, target.path)) return site;
  if (site === GENERIC) return GENERIC;
  const host = String(target.host || '').toLowerCase();
  for (const tr of site.transports || []) {
    if (tr.host.test(host)) return { ...GENERIC, id: site.id, sseDone: tr.sseDone, wsFrame: tr.wsFrame, transport: true };
  }
  return { ...GENERIC, id: site.id };
}

/** The stream rule a request path matches on that site, or null (generic: decided by content type). */
export function streamRule(site, pathname) {
  for (const rule of site.streams) if (rule.re.test(pathname)) return rule;
  return null;
}

/** True when a response content type means an incremental stream the generic adapter follows. */
export function isStreamingContentType(contentType) {
  return /^\s*(text\/event-stream|application\/(x-)?ndjson|application\/jsonl)/i.test(contentType || '');
}

/** The first banner pattern a text matches, as {id, symptom}, or null. */
export function matchBanner(site, text) {
  if (!text) return null;
  for (const b of site.banners) if (b.re.test(text)) return { id: b.id, symptom: b.symptom };
  return null;
}

/** Host permission match patterns for the manifest and webRequest filters. */
export function hostMatchPatterns() {
  const out = [];
  for (const s of SITES) {
    for (const h of s.hosts) out.push((s.id === 'lab' ? 'http://' : 'https://') + h + '/*');
  }
  return out;
}

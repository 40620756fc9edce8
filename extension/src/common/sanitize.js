// URL sanitizer (protocol.md "Privacy rule"): origin + path only, no query or fragment, and every
// path segment that looks like an id replaced by ":h" + the first 8 hex digits of its SHA-256.
// Pure and synchronous so the MAIN-world hook can call it inside a constructor without awaiting.
import { sha256Hex } from './sha256.js';

const ROUTE_WORD_RE = /^[A-Za-z][A-Za-z._-]{0,39}[0-9]{0,2}$/;
const URL_RE = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#\s]*)([^?#]*)/i;

/**
 * True when a path segment may carry an identifier or user data. Stricter than the protocol's
 * minimum (UUIDs, hex, digits, base64-ish tokens): only route words — letters with . _ - and at
 * most two trailing digits ("backend-api", "chat_conversations", "v1") — stay readable; every
 * other segment is hashed, so no free text in a path can ever travel.
 */
export function looksLikeId(segment) {
  return !ROUTE_WORD_RE.test(segment) || /^[0-9a-f]{16,}$/i.test(segment);
}

export function hashSegment(segment) {
  return ':h' + sha256Hex(segment).slice(0, 8);
}

/**
 * Sanitizes an absolute URL string. Returns null for anything that is not a hierarchical URL
 * (data:, blob:, javascript:) or is malformed: callers then report no URL at all.
 */
export function sanitizeUrl(absoluteUrl) {
  if (typeof absoluteUrl !== 'string') return null;
  const m = URL_RE.exec(absoluteUrl);
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  if (!/^(https?|wss?):$/.test(scheme)) return null;
  // Drop userinfo (user:pass@) but keep host and port.
  const authority = m[2].slice(m[2].lastIndexOf('@') + 1).toLowerCase();
  if (!authority) return null;
  const segments = m[3].split('/').map((s) => (s && looksLikeId(s) ? hashSegment(s) : s));
  return scheme + '//' + authority + segments.join('/');
}

/** Resolves a possibly relative URL against a base with the given URL constructor, then sanitizes. */
export function sanitizeRelative(url, base, URLCtor) {
  try {
    return sanitizeUrl(new URLCtor(String(url), base).href);
  } catch {
    return null;
  }
}

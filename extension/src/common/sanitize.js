// URL sanitizer (protocol.md "Privacy rule"): origin + path only, no query or fragment, and every
// path segment that looks like an id replaced by ":h" + the first 8 hex digits of its SHA-256.
// Pure and synchronous so the MAIN-world hook can call it inside a constructor without awaiting.
import { sha256Hex } from './sha256.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_RE = /^[0-9a-f]{16,}$/i;
const DIGITS_RE = /^\d{4,}$/;
const TOKEN_RE = /^[A-Za-z0-9_~.-]{16,}$/;
const PREFIXED_ID_RE = /^[a-z]{1,8}[-_][A-Za-z0-9_-]{12,}$/;
const URL_RE = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#\s]*)([^?#]*)/i;

/** True when a path segment looks like an identifier rather than a route name. */
export function looksLikeId(segment) {
  if (UUID_RE.test(segment) || HEX_RE.test(segment) || DIGITS_RE.test(segment)) return true;
  // base64-ish tokens: long, and mixing letters with digits (so "chat_conversations" survives).
  if (TOKEN_RE.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment)) return true;
  return PREFIXED_ID_RE.test(segment) && /\d/.test(segment);
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

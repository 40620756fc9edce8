// Unit tests for the benchmark's baseline classifier (no browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineCause, netErrorFromConsole } from '../lib/baseline.mjs';

test('baseline_browserErrorCode_winsOverBanner', () => {
  assert.equal(baselineCause({ banner: 'network', bannerText: 'Network error', netError: 'net::ERR_NAME_NOT_RESOLVED' }), 'dns.resolution_failed');
  assert.equal(baselineCause({ banner: 'network', netError: 'net::ERR_BLOCKED_BY_CLIENT' }), 'extension.blocked_request');
  assert.equal(baselineCause({ banner: 'stream', netError: 'net::ERR_NETWORK_CHANGED' }), 'network.changed');
});

test('baseline_httpStatus_mapsLikeAUser', () => {
  assert.equal(baselineCause({ banner: 'server', httpStatus: 429 }), 'server.overloaded');
  assert.equal(baselineCause({ banner: 'server', httpStatus: 504 }), 'server.gateway_timeout');
  assert.equal(baselineCause({ banner: 'server', httpStatus: 403 }), 'session.conflict');
  assert.equal(baselineCause({ banner: 'server', httpStatus: 502 }), 'server.error');
});

test('baseline_bannerOnly_guessesFromText', () => {
  assert.equal(baselineCause({ banner: 'server', bannerText: 'Something went wrong (overloaded_error)' }), 'server.overloaded');
  assert.equal(baselineCause({ banner: 'server', bannerText: 'Something went wrong (close 1011)' }), 'server.error');
  assert.equal(baselineCause({ banner: 'network', bannerText: 'Network error' }), 'network.offline');
  assert.equal(baselineCause({ banner: 'stream', netError: 'net::ERR_CONNECTION_RESET' }), 'stream.dropped_unexplained');
});

test('baseline_nothingShown_noBreakUnlessTheAnswerFroze', () => {
  assert.equal(baselineCause({}), null);
  assert.equal(baselineCause(null), null);
  assert.equal(baselineCause({ froze: true }), 'stream.stalled');
});

test('netErrorFromConsole_firstCode_orNull', () => {
  assert.equal(netErrorFromConsole(['x', 'Failed to load resource: net::ERR_BLOCKED_BY_CLIENT', 'net::ERR_FAILED']), 'net::ERR_BLOCKED_BY_CLIENT');
  assert.equal(netErrorFromConsole(['nothing']), null);
});

// The blank-page criterion (src/hook/page-watch.js initFailure), pure.
import test from 'node:test';
import assert from 'node:assert/strict';
import { initFailure } from '../src/hook/page-watch.js';

test('initFailure_whatThePageDidByTheDeadline_reasonOrNull', () => {
  // (failedScripts, elementsAtDOMContentLoaded, elementsNow, appRootRendered)
  assert.equal(initFailure(0, null, 0, true), 'not_loaded', 'a script never arrived: DOMContentLoaded never fired');
  assert.equal(initFailure(0, 12, 12, false), 'no_app_root');
  assert.equal(initFailure(1, 12, 12, false), 'script_error');
  assert.equal(initFailure(1, 40, 40, true), 'script_error', 'a rendered shell whose bundle failed never grew');
  assert.equal(initFailure(2, 40, 300, true), null, 'the app ran: a failed third-party script is no break');
  assert.equal(initFailure(0, 40, 40, true), null, 'a static page that is rendered is fine');
});

// The blank-page criterion (src/hook/page-watch.js initFailure), pure.
import test from 'node:test';
import assert from 'node:assert/strict';
import { initFailure } from '../src/hook/page-watch.js';

test('initFailure_whatThePageDidByTheDeadline_reasonOrNull', () => {
  // ({failedScripts, failedOwn}, elementsAtDOMContentLoaded, elementsNow, appRootRendered)
  const none = { failedScripts: 0, failedOwn: 0 };
  const own = { failedScripts: 1, failedOwn: 1 };
  const tracker = { failedScripts: 1, failedOwn: 0 };
  assert.equal(initFailure(none, null, 0, true), 'not_loaded', 'a script never arrived: DOMContentLoaded never fired');
  assert.equal(initFailure(none, 12, 12, false), 'no_app_root');
  assert.equal(initFailure(tracker, 12, 12, false), 'script_error');
  assert.equal(initFailure(own, 40, 40, true), 'script_error', 'a rendered shell whose own bundle failed never grew');
  assert.equal(initFailure(tracker, 40, 40, true), null, 'a blocked third-party tracker on a quiet rendered page is no break');
  assert.equal(initFailure(own, 40, 300, true), null, 'the app ran');
  assert.equal(initFailure(none, 40, 40, true), null, 'a static page that is rendered is fine');
});

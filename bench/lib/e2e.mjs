// The e2e harness (real Chromium, extension, host, lab), re-exported for the benches.
export { makeProfile, launchBrowser, startLab, EXTENSION, CHROMIUM } from '../../e2e/lib/harness.mjs';
export { tabIdFor } from '../../e2e/lib/cases.mjs';

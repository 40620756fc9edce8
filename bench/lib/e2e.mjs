// The e2e harness (real Chromium, extension, host, lab), re-exported for the benches.
export { makeProfile, launchBrowser, startLab, EXTENSION, CHROMIUM } from '../../e2e/lib/harness.mjs';
export { tabIdFor } from '../../e2e/lib/cases.mjs';

/** playwright-core from e2e/node_modules (the benches have no node_modules of their own). */
export async function playwright() {
  const { createRequire } = await import('node:module');
  return createRequire(new URL('../../e2e/package.json', import.meta.url))('playwright-core');
}

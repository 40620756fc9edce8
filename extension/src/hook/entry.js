// The last piece of content/hook.js: run once, in the page's MAIN world, swallowing everything.
try {
  if (typeof window !== 'undefined' && window.document) installHook(window);
} catch {
  // never throw into the page
}

try {
  const api = typeof browser !== 'undefined' && browser.runtime ? browser : chrome;
  const randomHex = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  installBridge({ doc: document, api, hostname: location.hostname, randomHex });
} catch {
  // never disturb the page
}

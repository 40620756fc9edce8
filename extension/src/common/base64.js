// Base64 (RFC 4648 §4, and the URL-safe alphabet of §5) to text, pure: the hook must not call
// page-replaceable globals such as atob. Bytes become UTF-8 text where valid; the callers only
// look for ASCII markers (`data: [DONE]`, `"error"`) and JSON structure, which survive either way.

const VALUES = (() => {
  const v = new Int16Array(128).fill(-1);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < abc.length; i++) v[abc.charCodeAt(i)] = i;
  v[43] = 62; // +
  v[47] = 63; // /
  v[45] = 62; // -
  v[95] = 63; // _
  return v;
})();

/** Decodes base64 text; characters outside the alphabet (padding, whitespace) are skipped. */
export function decodeBase64(s) {
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? VALUES[c] : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return utf8(bytes);
}

function utf8(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let cp = b;
    let n = 1;
    if (b >= 0xf0 && b < 0xf8) [cp, n] = [b & 0x07, 4];
    else if (b >= 0xe0) [cp, n] = [b & 0x0f, 3];
    else if (b >= 0xc0) [cp, n] = [b & 0x1f, 2];
    else if (b >= 0x80) [cp, n] = [0xfffd, 1];
    if (n > 1) {
      for (let k = 1; k < n; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) {
          cp = 0xfffd;
          n = k;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
    }
    out += cp > 0xffff ? String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)) : String.fromCharCode(cp);
    i += n;
  }
  return out;
}

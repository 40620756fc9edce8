// The packages users install (installer/package/pack-extension.sh: the Chrome Web Store zip and
// the .xpi) carry the shipped manifest: the hook and the host permissions name the chat sites
// only, never a local or lab origin (docs/packaging.md, docs/security.md).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const EXT = fileURLToPath(new URL('..', import.meta.url));
const PACK = fileURLToPath(new URL('../../installer/package/pack-extension.sh', import.meta.url));

/** One member of a zip archive, read through its central directory (APPNOTE.TXT 4.3.12, 4.3.16). */
function unzipEntry(zip, name) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const skip = nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const entryName = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8').replace(/^\.\//, '');
    if (entryName === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the archive`);
}

test('storeZipAndXpi_manifests_nameOnlyTheChatSites', { timeout: 120_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'sd-pack-'));
  try {
    const r = spawnSync('sh', [PACK, EXT, out], { encoding: 'utf8', timeout: 110_000 });
    assert.equal(r.status, 0, `pack-extension.sh failed: ${r.stderr}${r.stdout}`);
    const archives = readdirSync(out).filter((f) => /^streamdoctor-(chrome-.*\.zip|firefox-.*\.xpi)$/.test(f));
    assert.equal(archives.length, 2, `archives: ${readdirSync(out)}`);
    for (const file of archives) {
      const text = unzipEntry(readFileSync(join(out, file)), 'manifest.json').toString('utf8');
      assert.doesNotMatch(text, /localhost|127\.0\.0\.1|\[::1\]|<all_urls>|"\*:\/\/|https?:\/\/\*\//, file);
      const m = JSON.parse(text);
      const patterns = [...m.host_permissions, ...m.content_scripts.flatMap((cs) => cs.matches)];
      for (const p of patterns) assert.match(p, /^https:\/\/(chatgpt\.com|chat\.openai\.com|claude\.ai|gemini\.google\.com|copilot\.microsoft\.com|www\.perplexity\.ai)\/\*$/, `${file}: ${p}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

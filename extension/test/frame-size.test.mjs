import test from 'node:test';
import assert from 'node:assert/strict';
import { createFrameSizer, SAMPLE_FIRST, SAMPLE_EVERY } from '../src/common/frame-size.js';

test('frameSizer_asciiFrames_alwaysExact', () => {
  const size = createFrameSizer();
  for (let i = 0; i < 1000; i++) {
    const s = '{"v":"' + 'x'.repeat(i % 97) + '"}';
    assert.equal(size(s), Buffer.byteLength(s));
  }
});

test('frameSizer_firstFramesAndEverySampled_exact', () => {
  const size = createFrameSizer();
  const frames = Array.from({ length: 400 }, (_, i) => (i % 3 ? 'é€' : 'ab😀').repeat(1 + (i % 5)));
  frames.forEach((s, i) => {
    const n = size(s);
    if (i < SAMPLE_FIRST || (i + 1) % SAMPLE_EVERY === 0) assert.equal(n, Buffer.byteLength(s), `frame ${i}`);
  });
});

test('frameSizer_steadyMix_totalWithinOnePercent', () => {
  const size = createFrameSizer();
  let exact = 0;
  let counted = 0;
  for (let i = 0; i < 20000; i++) {
    const s = `{"t":"${'日本語'.repeat(i % 7)}${'abc'.repeat(i % 11)}"}`;
    exact += Buffer.byteLength(s);
    counted += size(s);
  }
  assert.ok(Math.abs(counted - exact) / exact < 0.01, `${counted} vs ${exact}`);
});

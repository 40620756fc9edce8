// The sealed set's runner: generates the scenarios of one or both seed ranges (scenarios.mjs),
// replays them through the real jar's `replay` (the same engine the live host asks), and scores
// top-1/top-3, false breaks, calibration (per confidence band, how often the top cause was
// right; the Brier score of the top cause's confidence) and the browser-only baseline.
//
//   node bench/sealed/run.mjs [--n N] [--set tune|sealed|both] [--jar PATH] [--out DIR]
//
// Writes DIR/sealed.md and sealed.json (DIR defaults to bench/results) and prints, last:
//   sealed tune_top1=… tune_top3=… sealed_top1=… sealed_top3=… brier=… baseline_top1=… false_breaks=k/n cases=n
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineCause } from '../../e2e/lib/baseline.mjs';
import { scenario, seeds } from './scenarios.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BANDS = [[0, 0.4], [0.4, 0.6], [0.6, 0.8], [0.8, 0.9], [0.9, 1.01]];

function parseArgs(argv) {
  const o = { n: 400, set: 'both', jar: process.env.STREAMDOCTOR_JAR || join(ROOT, 'host', 'target', 'streamdoctor.jar'), out: join(ROOT, 'bench', 'results') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--n') o.n = Number(argv[++i]);
    else if (argv[i] === '--set') o.set = argv[++i];
    else if (argv[i] === '--jar') o.jar = argv[++i];
    else if (argv[i] === '--out') o.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --n N --set tune|sealed|both --jar PATH --out DIR)`);
  }
  if (!Number.isInteger(o.n) || o.n < 1 || o.n > 20_000) throw new Error('--n must be 1..20000');
  if (!['tune', 'sealed', 'both'].includes(o.set)) throw new Error('--set must be tune, sealed or both');
  return o;
}

/** Replays files through one JVM (in chunks); returns each file's breaks, in order. */
function replayAll(jar, files) {
  const out = [];
  for (let i = 0; i < files.length; i += 200) {
    const chunk = files.slice(i, i + 200);
    const p = spawnSync('java', ['-jar', jar, 'replay', '--json', ...chunk], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 300_000 });
    if (p.status !== 0) throw new Error(`replay failed (${p.status}): ${String(p.stderr).slice(0, 2000)}`);
    const lines = p.stdout.trim().split('\n');
    if (chunk.length === 1) out.push(JSON.parse(p.stdout).breaks);
    else for (const l of lines) out.push(JSON.parse(l).breaks);
  }
  if (out.length !== files.length) throw new Error(`replay answered ${out.length} of ${files.length} files`);
  return out;
}

/** Generates, replays twice (ids first, then with the probed verdict where probes ran), scores. */
export function runSet(jar, set, n) {
  const dir = mkdtempSync(join(tmpdir(), `sd-sealed-${set}-`));
  try {
    const cases = seeds(set, n).map(scenario);
    const files = cases.map((c) => {
      const f = join(dir, `case-${c.seed}.jsonl`);
      writeFileSync(f, c.lines.join('\n') + '\n');
      return f;
    });
    // Pass 1 learns the id the host gives each case's break; pass 2 adds the post-mortem's
    // re-diagnosis at the moment its evidence is in, as the live host records it.
    const first = replayAll(jar, files);
    cases.forEach((c, i) => {
      if (c.probedAt !== null && first[i].length > 0) {
        appendFileSync(files[i], JSON.stringify({ at: c.probedAt, probed: first[i][0].breakId }) + '\n');
      }
    });
    const final = replayAll(jar, files);
    return cases.map((c, i) => {
      const brk = final[i][0] || null;
      const findings = brk ? brk.findings.map((f) => ({ cause: f.cause, confidence: f.confidence })) : [];
      return { set, seed: c.seed, label: c.label, fault: c.fault, site: c.site, kind: c.kind, confounders: c.confounders, findings, breaks: final[i].length, baseline: baselineCause(c.seen) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

export function score(rows) {
  const faults = rows.filter((r) => r.label !== null);
  const clean = rows.filter((r) => r.label === null);
  const top = (r) => (r.findings[0] ? r.findings[0].cause : null);
  // As in the own matrix (bench/report.mjs): every case counts, a clean one is right when no
  // break was reported; faultTop1 counts the faults alone.
  const falseBreaks = clean.filter((r) => r.breaks > 0).length;
  const faultTop1 = faults.filter((r) => top(r) === r.label).length / (faults.length || 1);
  const faultTop3 = faults.filter((r) => r.findings.slice(0, 3).some((f) => f.cause === r.label)).length;
  const top1 = (faultTop1 * faults.length + clean.length - falseBreaks) / (rows.length || 1);
  const top3 = (faultTop3 + clean.length - falseBreaks) / (rows.length || 1);
  // The baseline: right when its guess is the label; on clean cases when it guesses nothing.
  const baseline = rows.filter((r) => r.baseline === r.label).length / (rows.length || 1);
  const judged = faults.filter((r) => r.findings[0]);
  const brier = judged.reduce((s, r) => s + (r.findings[0].confidence - (top(r) === r.label ? 1 : 0)) ** 2, 0) / (judged.length || 1);
  const bands = BANDS.map(([lo, hi]) => {
    const inBand = judged.filter((r) => r.findings[0].confidence >= lo && r.findings[0].confidence < hi);
    const right = inBand.filter((r) => top(r) === r.label).length;
    const meanConf = inBand.reduce((s, r) => s + r.findings[0].confidence, 0) / (inBand.length || 1);
    return { lo, hi: Math.min(hi, 1), n: inBand.length, accuracy: inBand.length ? right / inBand.length : NaN, meanConfidence: inBand.length ? meanConf : NaN };
  });
  return { top1, top3, faultTop1, falseBreaks, clean: clean.length, baseline, brier, bands, n: rows.length, faults: faults.length };
}

export function render(bySet, meta) {
  const lines = ['# Sealed generated set', '', `Generated ${meta.date}; ${meta.n} cases per set; jar ${meta.jar}.`, '',
    'Labels come from the generator (bench/sealed/scenarios.mjs). `tune` seeds may be looked at while changing rules; `sealed` seeds are only reported.', ''];
  for (const [set, rows] of Object.entries(bySet)) {
    const s = score(rows);
    lines.push(`## ${set}`, '', `top1=${fmt(s.top1)} top3=${fmt(s.top3)} faults_only_top1=${fmt(s.faultTop1)} brier=${fmt(s.brier)} baseline_top1=${fmt(s.baseline)} false_breaks=${s.falseBreaks}/${s.clean} cases=${s.n}`, '');
    lines.push('| confidence band | cases | top-1 right | mean confidence |', '|---|---:|---:|---:|');
    for (const b of s.bands) lines.push(`| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.n} | ${fmt(b.accuracy)} | ${fmt(b.meanConfidence)} |`);
    lines.push('', '| fault | cases | top-1 | top-3 | baseline | most common wrong top-1 |', '|---|---:|---:|---:|---:|---|');
    const byFault = {};
    for (const r of rows) (byFault[r.fault] ||= []).push(r);
    for (const [fault, rs] of Object.entries(byFault).sort()) {
      const want = fault === 'clean' ? null : fault;
      const t1 = rs.filter((r) => (r.findings[0]?.cause ?? null) === want && (want !== null || r.breaks === 0)).length;
      const t3 = want === null ? t1 : rs.filter((r) => r.findings.slice(0, 3).some((f) => f.cause === want)).length;
      const bl = rs.filter((r) => r.baseline === want).length;
      const wrong = {};
      for (const r of rs) {
        const got = r.breaks === 0 ? 'no break' : r.findings[0]?.cause ?? 'no finding';
        if (got !== (want ?? 'no break')) wrong[got] = (wrong[got] || 0) + 1;
      }
      const w = Object.entries(wrong).sort((a, b) => b[1] - a[1])[0];
      lines.push(`| ${fault} | ${rs.length} | ${t1} | ${t3} | ${bl} | ${w ? `${w[0]} (${w[1]})` : '—'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function summaryLine(bySet) {
  const t = bySet.tune ? score(bySet.tune) : null;
  const s = bySet.sealed ? score(bySet.sealed) : null;
  const main = s || t;
  const fb = (s ? s.falseBreaks : 0) + (t ? t.falseBreaks : 0);
  const cl = (s ? s.clean : 0) + (t ? t.clean : 0);
  const n = (s ? s.n : 0) + (t ? t.n : 0);
  return `sealed tune_top1=${t ? fmt(t.top1) : 'n/a'} tune_top3=${t ? fmt(t.top3) : 'n/a'} sealed_top1=${s ? fmt(s.top1) : 'n/a'} sealed_top3=${s ? fmt(s.top3) : 'n/a'} brier=${fmt(main.brier)} baseline_top1=${fmt(main.baseline)} false_breaks=${fb}/${cl} cases=${n}`;
}

export function runSealed(o) {
  const sets = o.set === 'both' ? ['tune', 'sealed'] : [o.set];
  const bySet = {};
  for (const set of sets) bySet[set] = runSet(o.jar, set, o.n);
  const meta = { date: new Date().toISOString(), n: o.n, jar: o.jar };
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, 'sealed.json'), JSON.stringify({ meta, bySet }, null, 1));
  writeFileSync(join(o.out, 'sealed.md'), render(bySet, meta));
  return bySet;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const bySet = runSealed(parseArgs(process.argv.slice(2)));
    console.log(summaryLine(bySet));
  } catch (e) {
    console.error(`sealed set failed: ${e.stack || e}`);
    process.exit(1);
  }
}

// Accuracy benchmark driver (bench/accuracy.sh): runs the fault matrix (matrix.mjs) N times in
// real Chromium with the real extension and host, scores StreamDoctor's top-1/top-3 cause and the
// user-knowledge baseline (e2e/lib/baseline.mjs), writes bench/results/accuracy.{md,json}.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prerequisites, makeProfile, launchBrowser, startLab, settleNetwork, CHROMIUM, ROOT } from '../e2e/lib/harness.mjs';
import { observeCase } from '../e2e/lib/observe.mjs';
import { baselineCause } from '../e2e/lib/baseline.mjs';
import { createPair, netnsUnavailable } from '../e2e/lib/netns.mjs';
import { ENVIRONMENTS } from './matrix.mjs';
import { renderReport, summaryLine } from './report.mjs';
import { runSealed, score as sealedScore } from './sealed/run.mjs';

function parseArgs(argv) {
  const o = { runs: 1, only: null, renderOnly: false, sealed: 400, sealedOnly: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--sealed') o.sealed = Number(argv[++i]);
    else if (argv[i] === '--sealed-only') o.sealedOnly = true;
    else if (argv[i] === '--render-only') o.renderOnly = true;
    else if (argv[i] === '--only') o.only = String(argv[++i]).split(',');
    else throw new Error(`unknown argument ${argv[i]} (use --runs N [--only env,env] [--sealed N] | --sealed-only | --render-only)`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 50) throw new Error('--runs must be 1..50');
  if (!Number.isInteger(o.sealed) || o.sealed < 0 || o.sealed > 20_000) throw new Error('--sealed must be 0..20000');
  return o;
}

async function runEnvironment(env, runs, results, skipped) {
  let pair = null;
  let lab = null;
  let profile = null;
  let browser = null;
  let scenario = null;
  try {
    const opts = { ...env.browser };
    let base;
    if (env.setup) {
      const why = netnsUnavailable();
      if (why) {
        skipped.push(`${env.id}: ${why}`);
        return;
      }
      pair = createPair();
      scenario = await env.setup(pair);
      base = scenario.base;
      opts.extraArgs = scenario.extraArgs;
    } else if (env.netns) {
      const why = netnsUnavailable();
      if (why) {
        skipped.push(`${env.id}: ${why}`);
        return;
      }
      pair = createPair();
      const ns = env.netns(pair);
      lab = await startLab(['--bind', pair.serverAddr, ...ns.labArgs], { prefix: pair.inNs(pair.server) });
      base = ns.base(lab);
      opts.extraArgs = ns.extraArgs;
    } else {
      lab = await startLab();
      base = lab.url;
    }
    profile = makeProfile(`bench-${env.id}`, { labUrl: base });
    if (scenario && scenario.targets) scenario.targets(profile.home);
    if (pair) opts.wrapper = pair.chromiumWrapper(profile.dir, CHROMIUM);
    browser = await launchBrowser(profile.profile, opts);
    if (pair) await settleNetwork(browser.context, `${base}lab/config`);
    const cases = env.cases(pair, scenario);
    for (let run = 1; run <= runs; run++) {
      for (const [name, query, expected, extra = {}] of cases) {
        let obs;
        try {
          obs = await observeCase(browser.context, browser.worker, { name, url: base, query, ...extra }, run);
        } catch (e) {
          obs = { causes: [], seen: {}, ms: 0, error: String(e.message || e).slice(0, 300) };
        }
        const r = { env: env.id, name, run, expected, ...obs, baseline: baselineCause(obs.seen) };
        results.push(r);
        const top = r.causes[0] || 'none';
        const ok = top === (expected || 'none') ? 'ok ' : 'MISS';
        console.error(`${ok} ${env.id}/${name}#${run}: expected ${expected || 'none'} got ${top} [${r.causes.slice(1, 3).join(', ')}] baseline ${r.baseline || 'none'} (${r.ms} ms)${r.error ? ' ERROR ' + r.error : ''}`);
      }
    }
  } finally {
    if (browser) await browser.context.close().catch(() => {});
    if (lab) lab.stop();
    if (scenario) scenario.stop();
    if (pair) pair.close();
    if (profile) profile.cleanup();
  }
}

function writeReport(out, meta, results, stem = 'accuracy', sealed = null) {
  const notes = join(ROOT, 'bench', 'analysis.md');
  writeFileSync(join(out, `${stem}.md`), renderReport(results, meta, existsSync(notes) ? readFileSync(notes, 'utf8') : ''));
  console.log(summaryLine(results, sealed));
}

/** The generated set (bench/sealed): tune and sealed seeds, scored by the same jar's replay. */
function sealedScores(o, out) {
  if (o.sealed === 0) return null;
  const bySet = runSealed({ n: o.sealed, set: 'both', jar: process.env.STREAMDOCTOR_JAR, out });
  return { tune: sealedScore(bySet.tune), sealed: sealedScore(bySet.sealed) };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const out = join(ROOT, 'bench', 'results');
  if (o.renderOnly) {
    // Re-render accuracy.md from the last accuracy.json (after editing analysis.md).
    const { meta, results } = JSON.parse(readFileSync(join(out, 'accuracy.json'), 'utf8'));
    const sealedFile = join(out, 'sealed.json');
    const bySet = existsSync(sealedFile) ? JSON.parse(readFileSync(sealedFile, 'utf8')).bySet : null;
    writeReport(out, meta, results, 'accuracy', bySet && bySet.tune && bySet.sealed ? { tune: sealedScore(bySet.tune), sealed: sealedScore(bySet.sealed) } : null);
    return;
  }
  if (o.sealedOnly) {
    // The generated set alone (seconds, no browser): the own matrix's figures read n/a.
    console.log(summaryLine([], sealedScores({ ...o, sealed: o.sealed || 400 }, out)));
    return;
  }
  const pre = prerequisites();
  if (!pre.ok) throw new Error(`prerequisites missing: ${pre.missing.join('; ')}`);
  const results = [];
  const skipped = [];
  const started = Date.now();
  for (const env of ENVIRONMENTS) {
    if (o.only && !o.only.includes(env.id)) continue;
    await runEnvironment(env, o.runs, results, skipped);
  }
  mkdirSync(out, { recursive: true });
  const meta = { runs: o.runs, skipped, seconds: Math.round((Date.now() - started) / 1000), date: new Date().toISOString(), chromium: CHROMIUM };
  // A subset (--only) never overwrites the full matrix's results: accuracy-only-ENV+ENV.{md,json}.
  const stem = o.only ? `accuracy-only-${o.only.join('+')}` : 'accuracy';
  if (o.only) meta.only = o.only;
  writeFileSync(join(out, `${stem}.json`), JSON.stringify({ meta, results }, null, 1));
  writeReport(out, meta, results, stem, sealedScores(o, out));
}

main().catch((e) => {
  console.error(`accuracy benchmark failed: ${e.stack || e}`);
  process.exit(1);
});

// Speed of the original face-api pipeline, the baseline for the Java port.
//
//   node faceapi-bench.mjs MODEL_DIR [--runs N] [--threads N] FILE.jpg...
//
// Each timed iteration covers what a request costs: read the JPEG from disk, decode it (jpeg-js),
// build the tensor, detect all faces with landmarks and descriptors, and wait for the descriptors.
// Prints one JSON object on stdout; progress goes to stderr. decode_median_ms is the read + decode +
// tensor share of each iteration, already included in median_ms.
//
// Node pitfall: tfjs-backend-wasm 4.22 never uses its threaded binary under Node (its
// WASM_HAS_MULTITHREAD_SUPPORT flag is hard-wired false there), so --threads cannot go above 1
// in practice; the JSON reports the thread count XNNPACK actually got.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tf, initFaceApi, detectAll } from './faceapi-runtime.mjs';

const USAGE = 'usage: node faceapi-bench.mjs MODEL_DIR [--runs N] [--threads N] FILE.jpg...';
const require = createRequire(import.meta.url);
const jpeg = require('jpeg-js');

function parseArgs(argv) {
  const opts = { runs: 5, threads: 1, modelDir: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs' || a === '--threads') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer\n${USAGE}`);
      opts[a.slice(2)] = n;
    } else if (opts.modelDir == null) {
      opts.modelDir = a;
    } else {
      opts.files.push(a);
    }
  }
  if (opts.modelDir == null || opts.files.length === 0) throw new Error(USAGE);
  return opts;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x) => Math.round(x * 10) / 10;

async function processFile(file) {
  const t0 = performance.now();
  const decoded = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
  const tensor = tf.tensor3d(Int32Array.from(decoded.data), [decoded.height, decoded.width, 3], 'int32');
  const decodeMs = performance.now() - t0;
  try {
    const results = await detectAll(tensor);
    return { width: decoded.width, height: decoded.height, faces: results.length, decodeMs };
  } finally {
    tensor.dispose();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const info = await initFaceApi(opts.modelDir, { threads: opts.threads });
  console.error(`backend ${info.backend}: simd ${info.simd}, multithread support ${info.multithread}, `
    + `XNNPACK threads ${info.threads} (requested ${opts.threads})`);

  // The first inference compiles kernels and allocates the wasm heap; it is not representative.
  const warm = performance.now();
  await processFile(opts.files[0]);
  console.error(`warm-up on ${opts.files[0]}: ${Math.round(performance.now() - warm)} ms`);

  const all = [];
  const decodes = [];
  const perFile = new Map(opts.files.map((f) => [f, []]));
  const sizes = {};
  for (let run = 0; run < opts.runs; run++) {
    for (const file of opts.files) {
      const t0 = performance.now();
      const r = await processFile(file);
      const ms = performance.now() - t0;
      all.push(ms);
      decodes.push(r.decodeMs);
      perFile.get(file).push(ms);
      sizes[file] = { width: r.width, height: r.height, faces: r.faces };
    }
    console.error(`run ${run + 1}/${opts.runs}: median so far ${round(median(all))} ms`);
  }

  const result = {
    backend: info.backend,
    simd: info.simd,
    multithread: info.multithread,
    threads: info.threads,
    threads_requested: opts.threads,
    versions: info.versions,
    runs: opts.runs,
    files: opts.files.length,
    median_ms: round(median(all)),
    mean_ms: round(mean(all)),
    min_ms: round(Math.min(...all)),
    max_ms: round(Math.max(...all)),
    decode_median_ms: round(median(decodes)),
    per_file_median_ms: Object.fromEntries(opts.files.map((f) => [f, round(median(perFile.get(f)))])),
    per_file: Object.fromEntries(opts.files.map((f) => [f, sizes[f]])),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err) => {
  console.error(err?.stack ?? err?.message ?? err);
  process.exitCode = 1;
});

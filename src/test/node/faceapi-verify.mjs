// face-api's equivalent of `bin/examphoto verify --pairs`, the baseline the batch command is timed
// against as a whole process (CliBenchmark): read a TSV with path_a and path_b, describe the
// largest face of each photo once, print one JSON line per pair with the Euclidean distance.
//
//   node faceapi-verify.mjs MODEL_DIR PAIRS.tsv

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tf, initFaceApi, detectAll } from './faceapi-runtime.mjs';

const require = createRequire(import.meta.url);
const jpeg = require('jpeg-js');

const [modelDir, tsv] = process.argv.slice(2);
if (!modelDir || !tsv) {
  console.error('usage: node faceapi-verify.mjs MODEL_DIR PAIRS.tsv');
  process.exit(2);
}
await initFaceApi(modelDir, { threads: 1 });
const lines = readFileSync(tsv, 'utf8').trim().split('\n');
const header = lines[0].split('\t');
const a = header.indexOf('path_a');
const b = header.indexOf('path_b');
const folder = path.dirname(path.resolve(tsv));
const cache = new Map();

async function describe(file) {
  if (cache.has(file)) return cache.get(file);
  const image = jpeg.decode(readFileSync(path.resolve(folder, file)), { useTArray: true, formatAsRGBA: false });
  const tensor = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
  const faces = await detectAll(tensor);
  tensor.dispose();
  const largest = faces.sort((x, y) => y.detection.box.area - x.detection.box.area)[0];
  const descriptor = largest ? largest.descriptor : null;
  cache.set(file, descriptor);
  return descriptor;
}

for (const line of lines.slice(1)) {
  const cells = line.split('\t');
  const da = await describe(cells[a]);
  const db = await describe(cells[b]);
  const distance = da && db ? Math.sqrt(da.reduce((s, v, i) => s + (v - db[i]) ** 2, 0)) : null;
  process.stdout.write(JSON.stringify({ a: cells[a], b: cells[b], distance }) + '\n');
}

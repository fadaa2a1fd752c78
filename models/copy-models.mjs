// Copies the face model files named in SHA256SUMS from the pinned npm package into the
// application's resources, refusing any file whose SHA-256 differs from the committed sum.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: node copy-models.mjs TARGET_DIR');
  process.exit(2);
}
const source = 'node_modules/@vladmandic/face-api/model';
const sums = readFileSync('SHA256SUMS', 'utf8').trim().split('\n').map((line) => line.split(/\s+/));
mkdirSync(target, { recursive: true });
for (const [expected, name] of sums) {
  const bytes = readFileSync(join(source, name));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    console.error(`model file ${name}: SHA-256 ${actual} does not match the pinned ${expected}`);
    process.exit(1);
  }
  writeFileSync(join(target, name), bytes);
}
console.log(`copied ${sums.length} model files to ${target} (SHA-256 verified)`);

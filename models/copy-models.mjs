// Copies the face model files named in SHA256SUMS (paths under node_modules/) from the pinned npm
// packages into the application's resources, flat, refusing any file whose SHA-256 differs from
// the committed sum. The file is `sha256sum -c` compatible when run inside node_modules/.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const target = process.argv[2];
if (!target) {
  console.error('usage: node copy-models.mjs TARGET_DIR');
  process.exit(2);
}
const sums = readFileSync('SHA256SUMS', 'utf8').trim().split('\n').map((line) => line.split(/\s+/));
mkdirSync(target, { recursive: true });
for (const [expected, path] of sums) {
  const bytes = readFileSync(join('node_modules', path));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    console.error(`model file ${path}: SHA-256 ${actual} does not match the pinned ${expected}`);
    process.exit(1);
  }
  writeFileSync(join(target, basename(path)), bytes);
}
console.log(`copied ${sums.length} model files to ${target} (SHA-256 verified)`);

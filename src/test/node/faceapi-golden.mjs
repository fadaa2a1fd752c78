// Reference outputs of @vladmandic/face-api for the Java port to be compared against.
//
//   node faceapi-golden.mjs MODEL_DIR FILE.ppm...         one JSON line per file: detected faces
//   node faceapi-golden.mjs --raw MODEL_DIR FILE.ppm...   one JSON line per file: network outputs
//
// Inputs are binary PPM (P6, maxval 255) so the pixels are exactly the ones the Java side decoded;
// letting Node decode the JPEG again could differ by a few levels and blur every comparison.
// stdout carries only JSON lines; all logging goes to stderr.

import { readFileSync } from 'node:fs';
import { tf, faceapi, initFaceApi, detectAll } from './faceapi-runtime.mjs';

const USAGE = 'usage: node faceapi-golden.mjs [--raw] MODEL_DIR FILE.ppm...';

/** Parses a binary PPM (P6, maxval 255) into {width, height, rgb}. */
function readPpm(file) {
  const buf = readFileSync(file);
  let pos = 0;
  const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
  const token = () => {
    for (;;) {
      while (pos < buf.length && isSpace(buf[pos])) pos++;
      if (buf[pos] !== 0x23) break; // '#' comment runs to end of line
      while (pos < buf.length && buf[pos] !== 0x0a && buf[pos] !== 0x0d) pos++;
    }
    const start = pos;
    while (pos < buf.length && !isSpace(buf[pos])) pos++;
    return buf.toString('latin1', start, pos);
  };
  if (token() !== 'P6') throw new Error(`${file}: not a binary PPM (P6)`);
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (!(width > 0 && height > 0)) throw new Error(`${file}: bad size ${width}x${height}`);
  if (maxval !== 255) throw new Error(`${file}: maxval ${maxval} unsupported, expected 255`);
  pos++; // exactly one whitespace byte separates the header from the pixels
  const need = width * height * 3;
  if (buf.length - pos < need) throw new Error(`${file}: truncated, ${buf.length - pos} of ${need} pixel bytes`);
  return { width, height, rgb: buf.subarray(pos, pos + need) };
}

/** int32 [h, w, 3], the dtype tf.node.decodeImage gives and face-api's own node demos feed. */
function toTensor({ width, height, rgb }) {
  return tf.tensor3d(Int32Array.from(rgb), [height, width, 3], 'int32');
}

const box = (b) => ({ x: b.x, y: b.y, width: b.width, height: b.height });

async function golden(file, image, tensor) {
  const results = await detectAll(tensor);
  return {
    file,
    width: image.width,
    height: image.height,
    faces: results.map((r) => ({
      score: r.detection.score,
      box: box(r.detection.box),
      landmarks: r.landmarks.positions.map((p) => [p.x, p.y]),
      alignedBox: box(r.alignedRect.box),
      descriptor: Array.from(r.descriptor),
    })),
  };
}

/** Each network applied to the whole image, before any face-api post-processing we can avoid. */
async function raw(file, image, tensor) {
  const { ssdMobilenetv1, faceLandmark68Net, faceRecognitionNet } = faceapi.nets;

  // Decoded boxes [ymin, xmin, ymax, xmax] relative to the zero-padded 512x512 square, sigmoid scores.
  const ssd = ssdMobilenetv1.forwardInput(await faceapi.toNetInput(tensor));
  const boxes = await ssd.boxes[0].array();
  const scores = Array.from(await ssd.scores[0].data());
  tf.dispose([...ssd.boxes, ...ssd.scores]);

  // runNet is the fully connected output before postProcess: coordinates relative to the 112x112
  // centre-padded square the network saw, interleaved x0, y0, x1, y1, ...
  let landmarks136;
  let landmarksKind;
  if (typeof faceLandmark68Net.runNet === 'function') {
    const out = faceLandmark68Net.runNet(await faceapi.toNetInput(tensor));
    landmarks136 = Array.from(await out.data());
    out.dispose();
    landmarksKind = 'runNet';
  } else {
    const out = faceLandmark68Net.forwardInput(await faceapi.toNetInput(tensor));
    landmarks136 = Array.from(await out.data());
    out.dispose();
    landmarksKind = 'postProcessed';
  }

  const descriptor = Array.from(await faceRecognitionNet.computeFaceDescriptor(tensor));

  return {
    file, width: image.width, height: image.height, ssd: { boxes, scores }, landmarks136, landmarksKind, descriptor,
  };
}

async function main(argv) {
  const rawMode = argv[0] === '--raw';
  const args = rawMode ? argv.slice(1) : argv;
  if (args.length < 2) {
    console.error(USAGE);
    return 2;
  }
  const [modelDir, ...files] = args;
  const t0 = performance.now();
  const info = await initFaceApi(modelDir);
  console.error(`face-api ${info.versions.faceapi}, tfjs ${info.versions.tfjs}, backend ${info.backend} `
    + `(simd ${info.simd}, threads ${info.threads}), models loaded in ${Math.round(performance.now() - t0)} ms`);

  for (const file of files) {
    const started = performance.now();
    const image = readPpm(file);
    const tensor = toTensor(image);
    try {
      const line = rawMode ? await raw(file, image, tensor) : await golden(file, image, tensor);
      process.stdout.write(`${JSON.stringify(line)}\n`);
    } finally {
      tensor.dispose();
    }
    console.error(`${file}: ${image.width}x${image.height} in ${Math.round(performance.now() - started)} ms`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    console.error(err?.stack ?? err);
    process.exitCode = 1;
  },
);

// Shared set-up for the face-api reference scripts: one tfjs + wasm backend + face-api instance,
// configured so that nothing is ever fetched over the network.

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Anything printed to stdout would corrupt the JSON the Java side parses, and tfjs/face-api log
// through console.*, so every console channel goes to stderr. Results use process.stdout.write.
for (const level of ['log', 'info', 'warn', 'debug']) {
  console[level] = (...args) => console.error(...args);
}

// Models and wasm binaries must come from node_modules; a fetch would mean a silent download, so
// it fails loudly instead. face-api captures global fetch when it loads, hence this comes first.
globalThis.fetch = async (url) => {
  throw new Error(`network access is disabled in the face-api reference harness (tried ${url})`);
};

const here = path.dirname(fileURLToPath(import.meta.url));
// require() rather than import: face-api's node-wasm bundle is CommonJS and must share the very
// same tfjs module instances (backend registry, wasm settings) as this file.
const require = createRequire(import.meta.url);
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

export { tf, wasm, faceapi };

/** Folder holding the three tfjs-backend-wasm .wasm binaries shipped inside the npm package. */
export const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep);

/**
 * Selects the wasm backend and loads the three networks once.
 *
 * @param {string} modelDir folder with the face-api weight manifests and .bin shards
 * @param {{threads?: number}} options threads: XNNPACK pool size (must be set before the backend starts)
 * @returns {Promise<{backend: string, simd: boolean, multithread: boolean, threads: number, versions: object}>}
 */
export async function initFaceApi(modelDir, { threads } = {}) {
  wasm.setWasmPaths(wasmDir);
  if (threads != null && typeof wasm.setThreadsCount === 'function') wasm.setThreadsCount(threads);
  // A missing .wasm file does not throw: setBackend resolves false and tfjs keeps another backend.
  if (!(await tf.setBackend('wasm'))) throw new Error(`wasm backend failed to start; binaries expected in ${wasmDir}`);
  await tf.ready();

  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);

  return {
    backend: tf.getBackend(),
    simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    multithread: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
    threads: typeof wasm.getThreadsCount === 'function' ? wasm.getThreadsCount() : 1,
    versions: { faceapi: faceapi.version, tfjs: tf.version_core, wasm: wasm.version_wasm },
  };
}

/** The detector options every reference run uses; the Java engine mirrors them. */
export function detectorOptions() {
  return new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 100 });
}

/** Full face-api pipeline on an int32 [h, w, 3] tensor, as an application would call it. */
export function detectAll(tensor) {
  return faceapi.detectAllFaces(tensor, detectorOptions()).withFaceLandmarks().withFaceDescriptors();
}

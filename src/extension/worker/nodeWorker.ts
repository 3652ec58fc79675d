// Entry point of dist/worker.js: the analysis service in a Node worker_threads Worker.
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { getHeapStatistics, setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { parentPort } from 'worker_threads';
import { AnalysisService } from './analysisService';
import { serve, type RequestMessage } from './protocol';

// Reading here (synchronously: this thread has nothing else to do) costs far less than the extension
// host's promise-per-file reads, and the host only receives the texts.
const service = new AnalysisService((file, maxBytes) => {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { message: `larger than the ${Math.round(maxBytes / 1048576)} MB limit (newsAnnotator.files.maxSizeMB)` };
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
});

// A scan's analyses leave garbage in the old generation (what was alive during a collection of the
// young one), and with much memory V8 lets the heap grow to up to 4x what survived its last full
// collection before the next: 450 MB for 190 MB live at the end of a cold 20,000-article scan. A full
// collection here, between requests, whenever the heap has grown by half the live set (+32 MB) since
// the last one keeps the peak near 1.5x the live set, a few collections per scan. No hard limit
// (resourceLimits.maxOldGenerationSizeMb would also lower the growth, but stop the worker on a
// workspace too large for it). `gc` is exposed to a new context as jest-leak-detector does.
let collect: (() => void) | undefined;
try {
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
} catch {
  collect = undefined; // V8's own schedule only
}
let collectAbove = 0;
function collectIfGrown(): void {
  if (!collect) return;
  const used = getHeapStatistics().used_heap_size;
  if (used < collectAbove) return;
  collect();
  collectAbove = getHeapStatistics().used_heap_size * 1.5 + 32e6;
}

// NEWS_WORKER_MEMLOG=1: this thread's heap after each request, on stderr (bench/scale.ts prints the
// extension host's beside it; Node 20 cannot ask another thread's heap).
const memlog = typeof process !== 'undefined' && !!process.env.NEWS_WORKER_MEMLOG;
parentPort!.on('message', (message: RequestMessage) => {
  const t0 = performance.now();
  serve(service, message, (reply, transfer) => parentPort!.postMessage(reply, transfer));
  collectIfGrown();
  if (memlog) {
    const h = getHeapStatistics();
    const mb = (n: number) => (n / 1e6).toFixed(0);
    process.stderr.write(
      `[worker] ${message.request.kind} ${(performance.now() - t0).toFixed(0)} ms: heap used ${mb(h.used_heap_size)} MB, total ${mb(h.total_heap_size)} MB, external ${mb(h.external_memory)} MB; process RSS ${mb(process.memoryUsage.rss())} MB\n`,
    );
  }
});

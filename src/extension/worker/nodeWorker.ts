// Entry point of dist/worker.js: the analysis service in a Node worker_threads Worker.
import { closeSync, fstatSync, openSync, renameSync, rmSync } from 'fs';
import { getHeapStatistics, writeHeapSnapshot } from 'v8';
import { parentPort } from 'worker_threads';
import { AnalysisService } from './analysisService';
import { highWaterMb, readFully, writeFully } from './nodeFiles';
import { serve, type RequestMessage } from './protocol';

// Reading here (synchronously: this thread has nothing else to do) costs far less than the extension
// host's promise-per-file reads, and the host only receives the texts.
const service = new AnalysisService((file, maxBytes) => {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { message: `larger than the ${Math.round(maxBytes / 1048576)} MB limit (newsAnnotator.files.maxSizeMB)` };
    const bytes = new Uint8Array(size);
    const read = readFully(fd, bytes, 0); // less when the file shrank meanwhile
    return read === size ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}, (file, chunks) => {
  // Beside the file, then renamed over it: a scan stopped mid-write leaves the old cache whole.
  const temp = `${file}.${process.pid}-${Date.now()}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const chunk of chunks) writeFully(fd, chunk);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(temp, file);
}, (file) => {
  // New cache entries wait here until saved (AnalysisService's SpillFile). Removed at once: the open
  // descriptor keeps it readable, and nothing is left behind when the process ends (where a platform
  // refuses to remove an open file, it stays beside the cache, a temp file of a stopped session).
  const fd = openSync(file, 'w+');
  try {
    rmSync(file, { force: true });
  } catch {
    // kept until the descriptor closes
  }
  let size = 0;
  return {
    append(bytes) {
      const at = size;
      writeFully(fd, bytes, at);
      size += bytes.length;
      return at;
    },
    read(at, length, into) {
      const bytes = into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
      if (readFully(fd, bytes, at) < length) throw new Error('the spill file is shorter than expected');
      return bytes;
    },
  };
});

// NEWS_WORKER_MEMLOG=1: this thread's heap after each request, on stderr (bench/scale.ts prints the
// extension host's beside it; Node 20 cannot ask another thread's heap).
const memlog = typeof process !== 'undefined' && !!process.env.NEWS_WORKER_MEMLOG;
/** The process's RSS high-water mark (Linux), which catches the peaks between two requests' logs. */
const highWater = (): string => {
  const mb = highWaterMb();
  return mb === undefined ? '' : `, high-water mark ${mb.toFixed(0)} MB`;
};
// NEWS_WORKER_HEAPSNAPSHOT=<dir>: a heap snapshot of this thread before each resolution (what the
// analyses left live), to see what the heap holds at a scan's largest moment.
const snapshotDir = typeof process !== 'undefined' ? process.env.NEWS_WORKER_HEAPSNAPSHOT : undefined;
parentPort!.on('message', (message: RequestMessage) => {
  if (snapshotDir && message.request.kind === 'resolve') writeHeapSnapshot(`${snapshotDir}/worker-${process.pid}-${Date.now()}.heapsnapshot`);
  const t0 = performance.now();
  serve(service, message, (reply, transfer) => parentPort!.postMessage(reply, transfer));
  if (memlog) {
    const h = getHeapStatistics();
    const mb = (n: number) => (n / 1e6).toFixed(0);
    process.stderr.write(
      `[worker] ${message.request.kind} ${(performance.now() - t0).toFixed(0)} ms: heap used ${mb(h.used_heap_size)} MB, total ${mb(h.total_heap_size)} MB, external ${mb(h.external_memory)} MB; process RSS ${mb(process.memoryUsage.rss())} MB${highWater()}\n`,
    );
  }
});

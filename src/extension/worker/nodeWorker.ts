// Entry point of dist/worker.js: the analysis service in a Node worker_threads Worker.
import { closeSync, fstatSync, openSync, readSync } from 'fs';
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
parentPort!.on('message', (message: RequestMessage) => serve(service, message, (reply, transfer) => parentPort!.postMessage(reply, transfer)));

// Node-only helpers of the analysis worker (dist/worker.js) and the scale bench: whole reads and
// writes through a file descriptor, and the process's RSS high-water mark.
import { readFileSync, readSync, writeSync } from 'fs';

/** Reads into `bytes` from `position` until it is full or the file ends; returns how many bytes were read. */
export function readFully(fd: number, bytes: Uint8Array, position: number): number {
  let done = 0;
  while (done < bytes.length) {
    const n = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** Writes all of `bytes`, at `position` when given, else at the descriptor's current offset. */
export function writeFully(fd: number, bytes: Uint8Array, position?: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? undefined : position + done);
}

/**
 * The process's exact RSS high-water mark so far (Linux: VmHWM), in MB; undefined elsewhere. Sampling
 * RSS misses short peaks (a collection, a reply being cloned).
 */
export function highWaterMb(): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? (Number(m[1]) * 1024) / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

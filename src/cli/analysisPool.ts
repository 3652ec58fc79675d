// The CLI's per-document analysis on worker threads. Each article's structure, entity mentions,
// quotes and passage fingerprints depend on its text alone (src/core is pure), so a folder's articles
// are analysed in batches on `threads` workers while this thread adds each result to the corpus, in
// file order, as it comes back; the corpus-wide steps (identities, quote copies, shared passages, the
// report) then run here as in a single-thread scan, so the report is the same.
//
// The worker is this same script (`cli.js` beside this module, bundled or compiled): started with the
// marker below it serves analyses and does nothing else. A worker that fails, or a batch it cannot
// analyse, is analysed on this thread instead, so a scan never loses an article to a thread.
import * as path from 'path';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { analyzeText, type DocumentParts } from '../core/corpus';
import { DEFAULT_PASSAGE_OPTIONS, preparePassages } from '../core/passages/passageIndex';

const WORKER_MARK = 'news-annotator/cli-analysis@1';

/** Batches of about this many UTF-16 units of text: small enough to balance the threads, big enough to amortise messages. */
const BATCH_CHARS = 48 * 1024;
/** Batches sent ahead to each worker, so it never waits for this thread between two. */
const IN_FLIGHT = 2;

interface BatchRequest {
  id: number;
  texts: string[];
}

type BatchReply = { id: number; parts: DocumentParts[] } | { id: number; error: string };

/**
 * What the corpus would compute for the text (analyzeText), plus what the passage index would: tokens,
 * fingerprints, and what the text says of its outlet.
 */
export function analyzeForCorpus(text: string): DocumentParts {
  const parts = analyzeText(text);
  parts.passages = preparePassages(text, parts.structure.paragraphs, DEFAULT_PASSAGE_OPTIONS, { tokens: true, outlet: true });
  return parts;
}

/** Whether this thread was started as a CLI analysis worker (it must then serve and do nothing else). */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { mark?: unknown } | null)?.mark === WORKER_MARK;
}

/** The worker's side: analyse each batch and send the parts back, moving the typed arrays without a copy. */
export function serveAnalysis(): void {
  const port = parentPort!;
  port.on('message', (request: BatchRequest) => {
    let reply: BatchReply;
    try {
      reply = { id: request.id, parts: request.texts.map(analyzeForCorpus) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply, 'parts' in reply ? transferables(reply.parts) : []);
  });
}

/** The buffers of the passage tokens and fingerprints (exact-size arrays of their own). */
function transferables(parts: DocumentParts[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const p of parts) {
    if (!p.passages) continue;
    for (const group of [p.passages.tokens, p.passages.fingerprints]) {
      if (group) for (const value of Object.values(group)) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    }
  }
  return [...buffers];
}

/** The script a worker runs: the CLI itself (dist/cli.js beside dist/bench.js, or the compiled src/cli/cli.js). */
function workerScript(): string {
  return path.join(__dirname, 'cli.js');
}

/**
 * Analyses every text on `threads` worker threads; `onAnalyzed(i, parts)` is called for each text in
 * input order (0, 1, 2, …), as soon as it and all before it are back. `script`: what the workers run
 * (tests give one that fails).
 */
export async function analyzeOnWorkers(
  texts: readonly string[],
  threads: number,
  onAnalyzed: (index: number, parts: DocumentParts) => void,
  options: { script?: string } = {},
): Promise<void> {
  // Batches of consecutive texts, so that results come back nearly in order.
  const batches: { from: number; to: number }[] = [];
  for (let from = 0; from < texts.length; ) {
    let to = from;
    let chars = 0;
    while (to < texts.length && (to === from || chars + texts[to].length <= BATCH_CHARS)) chars += texts[to++].length;
    batches.push({ from, to });
    from = to;
  }
  const done: (DocumentParts[] | undefined)[] = new Array(batches.length);
  let nextBatch = 0;
  let nextToCommit = 0;
  const commit = () => {
    for (; nextToCommit < batches.length && done[nextToCommit]; nextToCommit++) {
      const { from } = batches[nextToCommit];
      done[nextToCommit]!.forEach((parts, k) => onAnalyzed(from + k, parts));
      done[nextToCommit] = undefined; // the corpus holds them now
    }
  };
  /** A batch nobody else can analyse (a failed worker's, or one it refused): done here. */
  const analyzeHere = (b: number) => {
    done[b] = texts.slice(batches[b].from, batches[b].to).map(analyzeForCorpus);
    commit();
  };

  const workers = Math.max(0, Math.min(threads, batches.length));
  const started: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    let live = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      if (error !== undefined) {
        settled = true;
        for (const worker of started) void worker.terminate();
        reject(error);
      } else if (nextToCommit === batches.length && live === 0) {
        settled = true;
        resolve();
      }
    };
    const guarded = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        finish(error);
      }
    };
    if (workers === 0) {
      guarded(() => batches.forEach((_, b) => analyzeHere(b)));
      finish();
      return;
    }
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(options.script ?? workerScript(), { workerData: { mark: WORKER_MARK } });
      started.push(worker);
      live++;
      const inFlight = new Set<number>();
      let failed = false;
      const send = () => {
        while (!failed && inFlight.size < IN_FLIGHT && nextBatch < batches.length) {
          const b = nextBatch++;
          inFlight.add(b);
          worker.postMessage({ id: b, texts: texts.slice(batches[b].from, batches[b].to) } satisfies BatchRequest);
        }
        if (inFlight.size === 0) void worker.terminate();
      };
      const fail = () => {
        if (failed) return;
        failed = true;
        guarded(() => {
          for (const b of inFlight) analyzeHere(b);
        });
        inFlight.clear();
        void worker.terminate();
      };
      worker.on('message', (reply: BatchReply) =>
        guarded(() => {
          inFlight.delete(reply.id);
          if ('error' in reply) analyzeHere(reply.id);
          else {
            done[reply.id] = reply.parts;
            commit();
          }
          send();
        }),
      );
      worker.on('error', fail);
      worker.on('exit', () => {
        fail();
        live--;
        // A worker that ended early leaves the batches nobody took to this thread.
        if (live === 0) guarded(() => {
          while (nextBatch < batches.length) analyzeHere(nextBatch++);
        });
        finish();
      });
      send();
    }
  });
}

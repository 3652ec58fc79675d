// Messages between the extension host and the analysis worker, and the host's client for them. The
// transport (`AnalysisPort`) is a Node worker_threads Worker, a browser Web Worker, or the same thread.
import { analyzeText, type DocumentParts } from '../../core/corpus';
import { AnalysisService, lazyParts, type AnalysisRequest, type AnalyzeReply, type WireAnalyzedDocument } from './analysisService';

export interface RequestMessage {
  id: number;
  request: AnalysisRequest;
}
export type ReplyMessage = { id: number; reply: unknown } | { id: number; error: string };

/** The two ends of a worker, whatever runs it. */
export interface AnalysisPort {
  /** `transfer`: buffers that move to the worker instead of being copied (the sender loses them). */
  post(message: RequestMessage, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (message: ReplyMessage) => void): void;
  /** The worker died (an error it did not catch, out of memory): no reply will come. Optional. */
  onExit?(listener: (reason: string) => void): void;
  terminate(): void;
  /** 'worker_threads', 'web-worker' or 'same-thread': shown in logs and tests. */
  readonly kind: string;
}

/** The worker side: answers each request with the service's reply (or the error's message). */
export function serve(service: AnalysisService, message: RequestMessage, post: (reply: ReplyMessage, transfer?: ArrayBuffer[]) => void): void {
  try {
    const reply = service.handle(message.request);
    post({ id: message.id, reply }, transferables(reply));
  } catch (error) {
    post({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
}

/** The buffers of a reply that can move to the other thread instead of being copied. */
function transferables(reply: unknown): ArrayBuffer[] | undefined {
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView | undefined) => {
    if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  const r = reply as { bytes?: Uint8Array; results?: WireAnalyzedDocument[]; parts?: DocumentParts };
  add(r.bytes);
  // A live analysis (LiveReply) is one result.
  for (const result of [...(r.results ?? []), ...(r.parts ? [{ parts: r.parts } as WireAnalyzedDocument] : [])]) {
    add(result.partsJson); // a buffer of its own (AnalysisService.analyze)
    const p = result.parts?.passages ?? result.passages;
    if (!p) continue;
    add(p.tokens?.ids);
    add(p.tokens?.starts);
    add(p.tokens?.ends);
    add(p.tokens?.excluded);
    add(p.fingerprints.hashes);
    add(p.fingerprints.positions);
  }
  return buffers.size ? [...buffers] : undefined;
}

/** Runs the service on the caller's thread, one request per macrotask (the fallback, and unit tests). */
export function sameThreadPort(): AnalysisPort {
  const service = new AnalysisService();
  let listener: ((message: ReplyMessage) => void) | undefined;
  let closed = false;
  return {
    kind: 'same-thread',
    post(message) {
      setTimeout(() => {
        if (!closed) serve(service, message, (reply) => listener?.(reply));
      }, 0);
    },
    onMessage(l) {
      listener = l;
    },
    terminate() {
      closed = true;
    },
  };
}

/**
 * The cache file's bytes move to the worker rather than being copied (a 100 MB file would otherwise
 * exist twice, and linger on the host until collected), when they own their whole buffer.
 */
function movableBytes(request: AnalysisRequest): ArrayBuffer[] | undefined {
  if (request.kind !== 'loadCache' || !request.bytes) return undefined;
  const { buffer, byteOffset, byteLength } = request.bytes;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength ? [buffer] : undefined;
}

/** Gives each analysis that came as JSON bytes its parts, parsed on first use (lazyParts). */
function withLazyParts(reply: AnalyzeReply, request: AnalysisRequest & { kind: 'analyze' }): AnalyzeReply {
  let sent: Map<string, string> | undefined;
  for (const result of reply.results as WireAnalyzedDocument[]) {
    const json = result.partsJson;
    if (json === undefined) continue;
    // Damaged JSON is analysed again here, from the text the worker read or was sent.
    const textOf = () => {
      if (result.text !== undefined) return result.text;
      sent ??= new Map(request.docs.flatMap((d) => ('text' in d ? [[d.path, d.text] as [string, string]] : [])));
      return sent.get(result.path) ?? '';
    };
    result.parts = lazyParts(json, result.passages, () => analyzeText(textOf()));
    delete result.partsJson;
    delete result.passages;
  }
  return reply;
}

export class AnalysisClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Why the worker stopped, once it has: requests then fail at once instead of waiting for ever. */
  stopped: string | undefined;

  constructor(readonly port: AnalysisPort) {
    port.onExit?.((reason) => this.fail(`the analysis worker stopped: ${reason}`));
    port.onMessage((message) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if ('error' in message) waiter.reject(new Error(message.error));
      else waiter.resolve(message.reply);
    });
  }

  request<T>(request: AnalysisRequest): Promise<T> {
    if (this.stopped) return Promise.reject(new Error(this.stopped));
    const id = this.nextId++;
    if (request.kind === 'analyze') request = { ...request, lazy: true };
    const reply = new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.port.post({ id, request }, movableBytes(request));
    });
    return request.kind === 'analyze' ? reply.then((r) => withLazyParts(r as AnalyzeReply, request) as T) : reply;
  }

  dispose(): void {
    this.port.terminate();
    this.fail('the analysis worker was stopped');
  }

  private fail(reason: string): void {
    this.stopped ??= reason;
    for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
    this.waiting.clear();
  }
}

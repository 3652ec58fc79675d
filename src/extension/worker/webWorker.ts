// Entry point of dist/web/worker.js: the analysis service in a browser Web Worker.
import { AnalysisService } from './analysisService';
import { serve, type RequestMessage } from './protocol';

declare const self: { onmessage: ((event: { data: RequestMessage }) => void) | null; postMessage(message: unknown, transfer?: ArrayBuffer[]): void };

const service = new AnalysisService();
self.onmessage = (event) => serve(service, event.data, (reply, transfer) => self.postMessage(reply, transfer ?? []));

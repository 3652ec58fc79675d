// Entry point of dist/worker.js: the analysis service in a Node worker_threads Worker.
import { parentPort } from 'worker_threads';
import { AnalysisService } from './analysisService';
import { serve, type RequestMessage } from './protocol';

const service = new AnalysisService();
parentPort!.on('message', (message: RequestMessage) => serve(service, message, (reply, transfer) => parentPort!.postMessage(reply, transfer)));

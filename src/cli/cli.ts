// `news-annotator`: the terminal front end of the same core the extension uses (the commands are in
// command.ts). This file is also what a scan's analysis threads run (analysisPool.ts).
import { isAnalysisWorker, serveAnalysis } from './analysisPool';
import { run } from './command';

export { main, run, scanFolder, type CliIo } from './command';

if (isAnalysisWorker()) {
  // This script started as one of a scan's analysis threads (analysisPool.ts).
  serveAnalysis();
} else if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`news-annotator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

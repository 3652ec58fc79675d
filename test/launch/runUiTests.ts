// Runs the UI tests (out/test/ui/**/*.test.js) with mocha in Node. Each test file starts its own
// code-server + headless Chromium through test/ui/workbench.ts. Prints
//   NEWS-SUITE ui: N passed, M failed
// and exits non-zero when a test failed or none ran. Screenshots: test-results/ui-*.png.
import * as path from 'path';
import { CODE_SERVER_VERSION, REPO_ROOT } from './codeServer';
import { findTests } from './findTests';

export async function main(): Promise<number> {
  const Mocha = require('mocha') as typeof import('mocha');
  const files = findTests(path.join(REPO_ROOT, 'out', 'test', 'ui'));
  const grep = process.env.NEWS_UI_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false, ...(grep ? { grep } : {}) });
  for (const f of files) mocha.addFile(f);
  console.log(`NEWS-SUITE ui-runtime: code-server ${CODE_SERVER_VERSION} in headless Chromium, ${files.length} file(s)`);
  const counts = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => undefined);
    runner.on('end', () => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  console.log(`NEWS-SUITE ui: ${counts.passed} passed, ${counts.failed} failed`);
  if (counts.failed > 0) return 1;
  if (counts.passed === 0) {
    console.error('[ui] no UI test ran');
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error('[ui] crashed:', e);
      process.exit(1);
    },
  );
}

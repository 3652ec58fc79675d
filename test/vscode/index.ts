// Entry of the extension-host suite: VS Code (desktop through @vscode/test-electron, or code-server
// through the `payload` URL) loads this CommonJS module inside its extension host and calls run().
// It runs every out/test/vscode/**/*.test.js with mocha and prints, for CI:
//   NEWS-SUITE vscode-version: <vscode.version> (<app name>, <ui kind>)
//   NEWS-SUITE vscode-extension-host: N passed, M failed
// and writes the same counts as JSON to $NEWS_SUITE_RESULT_FILE when the launcher set it.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { findTests } from '../launch/findTests';

export async function run(): Promise<void> {
  // mocha from the repo's node_modules (this file is out/test/vscode/index.js).
  const Mocha = require('mocha') as typeof import('mocha');
  const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  console.log(`NEWS-SUITE vscode-version: ${vscode.version} (${vscode.env.appName}, ${uiKind}, remote ${vscode.env.remoteName ?? 'none'})`);

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.NEWS_VSCODE_TEST_TIMEOUT_MS ?? 30_000),
    // The default 'spec' reporter writes to process.stdout, which code-server's extension host does not
    // show; print through console.log, which VS Code forwards to the launcher.
    reporter: ConsoleReporter as unknown as string,
  });
  for (const file of findTests(__dirname)) mocha.addFile(file);

  const counts = await new Promise<{ passed: number; failed: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => undefined);
      runner.on('end', () => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
    } catch (e) {
      reject(e);
    }
  });
  const line = `NEWS-SUITE vscode-extension-host: ${counts.passed} passed, ${counts.failed} failed`;
  console.log(line);
  if (process.env.NEWS_SUITE_RESULT_FILE) {
    fs.writeFileSync(
      process.env.NEWS_SUITE_RESULT_FILE,
      JSON.stringify({ suite: 'vscode-extension-host', vscodeVersion: vscode.version, appName: vscode.env.appName, uiKind, ...counts }),
    );
  }
  if (counts.failed > 0) throw new Error(`${counts.failed} extension-host test(s) failed`);
  if (counts.passed === 0) throw new Error('no extension-host test ran');
}

/** A spec-like reporter that writes through console.log (forwarded by VS Code to the launcher). */
class ConsoleReporter {
  constructor(runner: Mocha.Runner) {
    const Mocha = require('mocha') as typeof import('mocha');
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    let depth = 0;
    const failures: { title: string; err: Error }[] = [];
    const indent = () => '  '.repeat(depth);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.root) return;
      console.log(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on('suite end', (suite: Mocha.Suite) => {
      if (!suite.root) depth--;
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => console.log(`${indent()}✔ ${test.title} (${test.duration} ms)`));
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => console.log(`${indent()}- ${test.title} (pending)`));
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      failures.push({ title: test.fullTitle(), err });
      console.log(`${indent()}✘ ${test.title}: ${err.message}`);
    });
    runner.on(EVENT_RUN_END, () => {
      failures.forEach((f, i) => console.log(`\n${i + 1}) ${f.title}\n${f.err.stack ?? f.err.message}`));
    });
  }
}

// Runs the extension-host suite (out/test/vscode/index.js -> every out/test/vscode/**/*.test.js) in a
// real VS Code 1.100.x:
//   1. VS Code desktop through @vscode/test-electron (runTests), where it can be downloaded;
//   2. otherwise code-server 4.100.3 (VS Code 1.100.3) in headless Chromium (see codeServer.ts).
// The download attempt fails within a second on machines without a route to Microsoft's servers, so
// the fallback costs nothing. NEWS_VSCODE_LAUNCHER=code-server|desktop forces one of them.
// Exit code: the suite's (0 = every test passed).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copySeeds, log, REPO_ROOT, runExtensionTestsInCodeServer } from './codeServer';

export const VSCODE_VERSION = '1.100.3';
const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms))),
  ]);
}

/** Returns the exit code, or undefined when VS Code desktop could not be had (then fall back). */
async function tryDesktop(resultFile: string): Promise<number | undefined> {
  let testElectron: typeof import('@vscode/test-electron');
  try {
    testElectron = require('@vscode/test-electron');
  } catch (e) {
    log(`@vscode/test-electron not available (${(e as Error).message})`);
    return undefined;
  }
  let executable: string;
  const started = Date.now();
  try {
    executable = await withTimeout(
      testElectron.downloadAndUnzipVSCode({
        version: VSCODE_VERSION,
        cachePath: path.join(REPO_ROOT, '.vscode-test'),
        timeout: 15_000,
      }),
      Number(process.env.NEWS_DESKTOP_DOWNLOAD_TIMEOUT_MS ?? 120_000),
      'VS Code desktop download',
    );
  } catch (e) {
    log(`VS Code desktop ${VSCODE_VERSION} cannot be downloaded here (${Date.now() - started} ms): ${String((e as Error).message ?? e).split('\n')[0]}`);
    return undefined;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-desktop-'));
  try {
    const workspace = copySeeds(tmp);
    log(`running the suite in VS Code desktop ${VSCODE_VERSION} (${executable})`);
    return await testElectron.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: { NEWS_SUITE_RESULT_FILE: resultFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'ud')}`],
    });
  } catch (e) {
    log(`VS Code desktop run failed: ${(e as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function main(): Promise<number> {
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`[launch] ${extensionTestsPath} is missing: run \`npm run compile-tests\` first`);
    return 2;
  }
  const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-suite-')), 'result.json');
  const which = process.env.NEWS_VSCODE_LAUNCHER ?? 'auto';
  let code: number | undefined;
  if (which !== 'code-server') code = await tryDesktop(resultFile);
  if (code === undefined) {
    if (which === 'desktop') return 3;
    log('falling back to code-server');
    code = await runExtensionTestsInCodeServer({
      extensionTestsPath,
      timeoutMs: Number(process.env.NEWS_VSCODE_TIMEOUT_MS ?? 8 * 60_000),
      env: { NEWS_SUITE_RESULT_FILE: resultFile },
    });
  }
  // The suite writes its counts to NEWS_SUITE_RESULT_FILE as well as to its log; repeat them here so the
  // summary is on this process's stdout even if log forwarding dropped a line.
  try {
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    console.log(`NEWS-SUITE-RESULT ${JSON.stringify(result)}`);
  } catch {
    console.error('[launch] the suite wrote no result file: it did not run to its end');
    if (code === 0) code = 1;
  }
  fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
  return code;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error('[launch] crashed:', e);
      process.exit(1);
    },
  );
}

// Runs the CLI in this process with its standard output and error captured as strings.
import { main, run } from '../../src/cli/cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(): { io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }; out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => ((out.stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((out.stderr += s), true) } as unknown as NodeJS.WritableStream,
  };
  return { io, out };
}

/** `main`: the synchronous command, on this thread only. */
export function runCli(argv: string[]): CliResult {
  const { io, out } = capture();
  const code = main(argv, io);
  return { code, ...out };
}

/** `run`, as the executable runs it (worker threads when asked or when the folder is large). */
export async function runCliAsync(argv: string[]): Promise<CliResult> {
  const { io, out } = capture();
  const code = await run(argv, io);
  return { code, ...out };
}

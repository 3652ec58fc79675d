// Glob patterns of news-sources.json (`*` within a folder, `**` across folders, `?`, `{a,b}`), matched
// by simulating the pattern as an automaton: time is at most the pattern's length times the path's,
// whatever the pattern. A manifest comes from the workspace and is untrusted; a regular expression
// built from `*-*-*-…x` backtracks for minutes on a long file name.

type Step =
  | { kind: 'char'; char: string }
  | { kind: 'one' } // ?  one character, not "/"
  | { kind: 'star' } // *  any characters but "/"
  | { kind: 'any' } // **  any characters
  | { kind: 'folders' }; // **/  zero or more whole folders

export interface GlobMatcher {
  test(path: string): boolean;
}

/** Alternatives `{a,b}` are expanded first; more than this many expansions is treated literally. */
const MAX_ALTERNATIVES = 64;

export function compileGlob(glob: string): GlobMatcher {
  const programs = expandBraces(glob).map(compileSteps);
  return { test: (path) => programs.some((steps) => run(steps, path)) };
}

function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  const close = open < 0 ? -1 : glob.indexOf('}', open);
  if (close < 0) return [glob];
  const head = glob.slice(0, open);
  const options = glob.slice(open + 1, close).split(',');
  const tails = expandBraces(glob.slice(close + 1));
  if (options.length * tails.length > MAX_ALTERNATIVES) return [glob];
  const out: string[] = [];
  for (const option of options) for (const tail of tails) out.push(head + option + tail);
  return out.length > MAX_ALTERNATIVES ? [glob] : out;
}

function compileSteps(glob: string): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] !== '*') {
        steps.push({ kind: 'star' });
        continue;
      }
      i++; // "**": across folders; "**/": zero or more whole folders
      const kind = glob[i + 1] === '/' ? 'folders' : 'any';
      if (kind === 'folders') i++;
      // Repeats match no more than one ("**/**/" is "**/"); skipping them keeps the automaton small.
      if (steps[steps.length - 1]?.kind !== kind) steps.push({ kind });
    } else if (c === '?') steps.push({ kind: 'one' });
    else steps.push({ kind: 'char', char: c });
  }
  return steps;
}

/**
 * States are (step, inside): `inside` marks a `**​/` that has consumed characters and still owes the
 * closing "/". The set of live states advances one path character at a time.
 */
function run(steps: Step[], path: string): boolean {
  const n = steps.length;
  let current = new Uint8Array(2 * (n + 1));
  let next = new Uint8Array(2 * (n + 1));
  const close = (states: Uint8Array) => {
    // Steps that can match nothing let the next step start here too.
    for (let i = 0; i < n; i++) {
      if (!states[2 * i]) continue;
      const kind = steps[i].kind;
      if (kind === 'star' || kind === 'any' || kind === 'folders') states[2 * (i + 1)] = 1;
    }
  };
  current[0] = 1;
  close(current);
  for (let p = 0; p < path.length; p++) {
    const c = path[p];
    next.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      const step = steps[i];
      if (current[2 * i]) {
        switch (step.kind) {
          case 'char':
            if (c === step.char) next[2 * (i + 1)] = 1;
            break;
          case 'one':
            if (c !== '/') next[2 * (i + 1)] = 1;
            break;
          case 'star':
            if (c !== '/') next[2 * i] = 1;
            break;
          case 'any':
            next[2 * i] = 1;
            break;
          case 'folders':
            next[2 * i + 1] = 1;
            if (c === '/') next[2 * (i + 1)] = 1;
            break;
        }
      }
      if (current[2 * i + 1]) {
        next[2 * i + 1] = 1;
        if (c === '/') next[2 * (i + 1)] = 1;
      }
    }
    close(next);
    for (let k = 0; k < next.length && !alive; k++) alive = next[k] === 1;
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[2 * n] === 1;
}

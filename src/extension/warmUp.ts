// Warms the analysis code in idle time just after activation, so that the first article opened does
// not pay for the JIT compiling the core (and the entity lexicons being built) on its first analysis:
// VS Code activates the extension for an article's language a few hundred ms before the article's
// text reaches the extension host, and that gap is otherwise idle. Each step is one macrotask, so an
// article arriving meanwhile waits for one step at most.
import { analyzeText, Corpus } from '../core/corpus';

// A made-up wire story and a rewrite of it by another outlet: a headline, a dateline, people with
// titles, an organisation with its acronym, places, quotes with attributions, and a shared paragraph.
const STORY = [
  'Harbour board approves new ferry terminal',
  '',
  'By Jane Okafor, Staff Reporter',
  '',
  'PORT ELLIS, March 3 (Wire) — The Port Ellis Harbour Authority (PEHA) on Tuesday approved a new ferry terminal on the north quay, ending two years of debate over the project.',
  '',
  '“This terminal will carry the island’s trade for the next fifty years,” said board chair Maria Lindqvist, adding that work would begin in the spring.',
  '',
  'Opponents, led by councillor Tom Adebayo, said the authority had ignored the cost. “Nobody has shown us the final bill,” Adebayo told reporters in Port Ellis.',
  '',
  'The terminal is expected to cost 40 million dollars and to open in 2028, according to PEHA documents seen by the agency.',
].join('\n');

const REWRITE = [
  'Ferry terminal gets the green light',
  '',
  'The Port Ellis Harbour Authority (PEHA) on Tuesday approved a new ferry terminal on the north quay, ending two years of debate over the project.',
  '',
  'Maria Lindqvist, who chairs the board, said: “This terminal will carry the island’s trade for the next fifty years.”',
  '',
  'The terminal is expected to cost 40 million dollars and to open in 2028, according to PEHA documents seen by the agency.',
].join('\n');

/** Runs the warm-up in small steps, each `schedule`d separately, while `shouldRun()` says so. */
export function warmUpAnalysis(schedule: (step: () => void) => void, shouldRun: () => boolean): void {
  const corpus = new Corpus();
  const steps = [
    () => analyzeText(STORY),
    () => corpus.upsert('warm-up/story.txt', STORY),
    () => corpus.upsert('warm-up/rewrite.txt', REWRITE),
    () => {
      corpus.documentReport('warm-up/story.txt');
      corpus.entities();
    },
  ];
  const next = (i: number) => {
    if (i >= steps.length || !shouldRun()) return;
    schedule(() => {
      if (!shouldRun()) return;
      steps[i]();
      next(i + 1);
    });
  };
  next(0);
}

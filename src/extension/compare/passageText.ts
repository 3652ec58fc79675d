// How a passage is laid out for the diff editor: one sentence per line, so that VS Code's line diff
// lines up sentences and its word diff marks the words that differ. Pure (no vscode import).

/** Splits at sentence ends (., !, ? and any closing quotes) followed by whitespace and a capital, digit or quote. */
export function sentencesPerLine(text: string): string {
  const flat = text.replace(/\r\n?/g, '\n').replace(/[ \t]*\n[ \t]*/g, '\n').trim();
  return flat
    .split('\n')
    .map((line) => line.replace(/([.!?]["”’)]*)\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu, '$1\n'))
    .join('\n');
}

/** URI scheme of the read-only passage documents shown in the comparison. */
export const PASSAGE_SCHEME = 'news-passage';

export interface PassageQuery {
  path: string;
  start: number;
  end: number;
}

export function encodePassageQuery(q: PassageQuery): string {
  return JSON.stringify({ path: q.path, start: q.start, end: q.end });
}

export function decodePassageQuery(query: string): PassageQuery | undefined {
  try {
    const value = JSON.parse(query) as Partial<PassageQuery>;
    if (typeof value.path === 'string' && Number.isInteger(value.start) && Number.isInteger(value.end)) {
      return { path: value.path, start: value.start!, end: value.end! };
    }
  } catch {
    /* not ours */
  }
  return undefined;
}

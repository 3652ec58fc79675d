// Pathological inputs shared by the fuzz suite (test/unit/fuzz.test.ts, scale 1) and the scaling
// benchmark (bench/scaling.ts, scales n, 4n, 16n). `text(scale)` grows linearly with `scale`.

export interface PathologicalInput {
  name: string;
  text(scale: number): string;
}

const SENTENCE = 'The minister said the talks in Tokyo were “productive and frank” according to officials. ';

export const PATHOLOGICAL: PathologicalInput[] = [
  { name: 'one word ×10k', text: (k) => 'word '.repeat(10_000 * k) },
  { name: 'one capitalised word ×10k', text: (k) => 'Tokyo '.repeat(10_000 * k) },
  { name: 'opening curly quote ×10k', text: (k) => '“'.repeat(10_000 * k) },
  { name: 'straight double quote ×10k', text: (k) => '"'.repeat(10_000 * k) },
  { name: 'apostrophe word ×10k', text: (k) => "it's ".repeat(10_000 * k) },
  { name: 'unbalanced opening quote before every word', text: (k) => '“Minister said '.repeat(3_000 * k) },
  { name: '200 KB single line of prose', text: (k) => SENTENCE.repeat(Math.ceil((200_000 * k) / SENTENCE.length)) },
  { name: '“said” attribution chain on one line', text: (k) => '“Yes,” said Smith. '.repeat(5_000 * k) },
  { name: 'capitalised names run', text: (k) => 'Prime Minister John Smith Jones '.repeat(3_000 * k) },
  { name: 'newline ×10k (CR, LF, CRLF)', text: (k) => '\r\n\n\r'.repeat(2_500 * k) },
  { name: 'one short line ×10k (repeated paragraphs)', text: (k) => 'Breaking news from Tokyo today.\n'.repeat(10_000 * k) },
  { name: 'surrogate pairs and combining marks ×10k', text: (k) => '😀e\u0301 '.repeat(10_000 * k) },
  { name: 'zero-width and RTL marks ×10k', text: (k) => 'وزير\u200f\u200b'.repeat(10_000 * k) },
  { name: 'dateline-like prefix repeated', text: (k) => 'TOKYO (AP) — '.repeat(5_000 * k) },
  { name: 'byline-like line, long', text: (k) => 'By ' + 'John Smith and '.repeat(5_000 * k) },
  { name: 'dots and abbreviations', text: (k) => 'U.S. Jan. Mr. '.repeat(5_000 * k) },
];

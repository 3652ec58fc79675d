// Hostile articles shared by the unit, extension-host and UI tests of issue 8 (each test writes them
// where it needs them: a Corpus, a temp workspace). Every payload, if it ever ran, would set
// `window.__newsPwned` or change `document.title`, which the browser tests check.

export const PAYLOADS = [
  '<script>window.__newsPwned = 1; document.title = "pwned"</script>',
  '<img src=x onerror="window.__newsPwned = 2; document.title = \'pwned\'">',
  '</style><script>window.__newsPwned = 3</script><style>',
  '<a href="javascript:window.__newsPwned = 4">read more</a>',
  '"><svg onload="window.__newsPwned = 5">',
  '</pre></article><iframe srcdoc="<script>parent.__newsPwned = 6</script>"></iframe>',
  '&lt;script&gt;window.__newsPwned = 7&lt;/script&gt;',
  '[click](command:workbench.action.terminal.new) ![x](https://example.invalid/x.png)',
];

/** An outlet name (from news-sources.json) that is itself markup. */
export const HOSTILE_OUTLET = '<img src=x onerror="window.__newsPwned = 8">Evil Gazette';

const SHARED = 'The harbour authority said on Tuesday that the new sea wall would be finished before the winter storms, after two years of delays and a rise in costs that angered residents.';

/** Two copies of one story (so shared passages, quotes and the Coverage view have something to show). */
export const HOSTILE_ARTICLES: Record<string, string> = {
  'evil/"><img src=x onerror=alert(1)>.txt': [
    `Sea wall ${PAYLOADS[0]} nears completion`,
    '',
    `By Jane <b>Doe</b>`,
    '',
    'Maria Lopez inspected the wall on Monday.',
    '',
    SHARED,
    '',
    `“The wall ${PAYLOADS[1]} will hold,” said Maria Lopez, the authority's chief engineer. ${PAYLOADS[2]}`,
    '',
    `Residents can read the plans ${PAYLOADS[3]} online. ${PAYLOADS[4]} ${PAYLOADS[5]}`,
    '',
    `${PAYLOADS[6]} ${PAYLOADS[7]}`,
  ].join('\r\n'),
  'calm/copy.txt': [
    'Harbour sea wall to be ready for winter',
    '',
    SHARED,
    '',
    '“We are confident the wall will hold,” said Maria Lopez, the chief engineer of the Harbour Authority.',
  ].join('\n'),
};

export const HOSTILE_MANIFEST = JSON.stringify({ sources: [{ match: 'evil/*.txt', outlet: HOSTILE_OUTLET }] });

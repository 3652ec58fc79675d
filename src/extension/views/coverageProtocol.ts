// The messages between the Coverage webview (media/coverage.js) and the extension. Both sides use these
// shapes: the extension through TypeScript, the webview script through JSDoc `import()` types.

export interface CoverageArticle {
  /** Corpus path (workspace-relative, forward slashes). */
  path: string;
  /** Outlet name, or the file name when the outlet is unknown. */
  outlet: string;
  /** Length of the story text in characters (site boilerplate excluded). */
  storyCharacters: number;
  /** Share (0–1) of the story text found in no other article. */
  original: number;
  sharedPassages: number;
}

export interface CoverageData {
  articles: CoverageArticle[];
  /** shares[i][j]: share (0–1) of article i's story text that article j also carries. */
  shares: number[][];
}

/** Extension → webview. */
export type CoverageToWebview =
  | { type: 'coverage'; data: CoverageData; activePath: string | null; strings: CoverageStrings }
  | { type: 'empty'; message: string; action: { label: string; command: 'scan' | 'openFolder' } | null };

/** Webview → extension. */
export type CoverageFromWebview =
  | { type: 'ready' }
  | { type: 'openArticle'; path: string }
  | { type: 'compareArticles'; from: string; to: string }
  | { type: 'runAction'; command: 'scan' | 'openFolder' };

/** Localised labels the webview shows (the webview has no access to vscode.l10n). */
export interface CoverageStrings {
  matrixTitle: string;
  matrixHelp: string;
  originalTitle: string;
  originalHelp: string;
  rowHeader: string;
  /** "{0} of {1} is also in {2}" */
  cellTitle: string;
  /** "{0}: {1} original text" */
  originalBarTitle: string;
}

export function isCoverageFromWebview(value: unknown): value is CoverageFromWebview {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'openArticle':
      return typeof m.path === 'string';
    case 'compareArticles':
      return typeof m.from === 'string' && typeof m.to === 'string';
    case 'runAction':
      return m.command === 'scan' || m.command === 'openFolder';
    default:
      return false;
  }
}

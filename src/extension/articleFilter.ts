// Which documents are articles: the `news` language, or a file matching the include globs and not
// the exclude globs (settings `newsAnnotator.files.include` / `.exclude`).
import * as vscode from 'vscode';
import picomatch from 'picomatch';

export const DEFAULT_INCLUDE = ['**/*.txt', '**/*.md', '**/*.news'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.*/**'];

export class ArticleFilter {
  private include!: (path: string) => boolean;
  private exclude!: (path: string) => boolean;
  includeGlobs: string[] = DEFAULT_INCLUDE;
  excludeGlobs: string[] = DEFAULT_EXCLUDE;

  constructor() {
    this.reload();
  }

  reload(): void {
    const config = vscode.workspace.getConfiguration('newsAnnotator.files');
    this.includeGlobs = config.get<string[]>('include', DEFAULT_INCLUDE);
    this.excludeGlobs = config.get<string[]>('exclude', DEFAULT_EXCLUDE);
    this.include = picomatch(this.includeGlobs, { dot: true });
    this.exclude = picomatch(this.excludeGlobs, { dot: true });
  }

  isArticle(document: vscode.TextDocument): boolean {
    if (document.languageId === 'news') return true;
    if (document.uri.scheme === 'untitled') return false;
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    return this.include(relative) && !this.exclude(relative);
  }
}

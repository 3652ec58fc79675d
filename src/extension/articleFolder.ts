// Whether a folder root holds articles, from its file names alone (the entry, lazyActivation.ts, loads
// the extension at startup for such a folder). No vscode import: test/unit/articleFolder.test.ts.

/** Files at a folder root that make it a news folder (package.json's `workspaceContains` events). */
export const NEWS_FOLDER_FILES = new Set(['news-sources.json', 'news-entities.json', '.news-annotations.jsonld']);
/**
 * Text files nearly every repository has at its root (README.md, LICENSE.txt, requirements.txt…):
 * they say nothing about articles.
 */
const REPOSITORY_FILE =
  /^(readme|license|licence|copying|notice|changelog|changes|history|news|authors|contributors|contributing|code_of_conduct|security|support|maintainers|governance|patents|install|todo|version|requirements|constraints|cmakelists|robots|third[-_]party[-_]notices)([-_.][^.]*)?\.(txt|md)$/i;
/** A folder root with this many other text files is taken for a folder of articles. */
const ARTICLES_AT_ROOT = 3;

/** Whether a folder root's file names say it holds articles (see the header). */
export function looksLikeArticleFolder(names: readonly string[]): boolean {
  let articles = 0;
  for (const name of names) {
    if (NEWS_FOLDER_FILES.has(name) || /\.news$/i.test(name)) return true;
    if (/\.(txt|md)$/i.test(name) && !REPOSITORY_FILE.test(name)) articles++;
  }
  return articles >= ARTICLES_AT_ROOT;
}


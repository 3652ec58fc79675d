import * as assert from 'assert';
import { looksLikeArticleFolder } from '../../src/extension/articleFolder';

// The entry loads the extension at startup only for a folder root that holds articles: a repository's
// usual text files must never count, whatever their case or suffix.
describe('looksLikeArticleFolder (startup loading decided by the entry)', () => {
  it('takes a news folder by its own files, whatever else is there', () => {
    for (const marker of ['news-sources.json', 'news-entities.json', '.news-annotations.jsonld', 'story.news']) {
      assert.ok(looksLikeArticleFolder(['package.json', marker]), marker);
    }
  });

  it('counts text and Markdown files that are not a repository’s usual ones, from three on', () => {
    assert.ok(looksLikeArticleFolder(['a.txt', 'b.txt', 'c.md']));
    assert.ok(!looksLikeArticleFolder(['a.txt', 'b.md', 'notes.json']));
  });

  it('never counts a repository’s README, LICENSE, requirements and the like', () => {
    const repository = ['README.md', 'LICENSE.txt', 'license.md', 'requirements.txt', 'requirements-dev.txt', 'CHANGELOG.md', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'SECURITY.md', 'CMakeLists.txt', 'robots.txt', 'NOTICE.txt', 'AUTHORS.md', 'README.de.md'];
    assert.ok(!looksLikeArticleFolder(repository));
    assert.ok(!looksLikeArticleFolder([...repository, 'one-article.txt', 'another.txt']));
    assert.ok(looksLikeArticleFolder([...repository, 'one.txt', 'two.txt', 'three.txt']));
  });

  it('ignores other files and folders’ names that merely contain .txt', () => {
    assert.ok(!looksLikeArticleFolder(['a.txt.bak', 'b.txtx', 'c.mdx', 'data.csv', 'x.py']));
  });
});

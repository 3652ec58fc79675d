import * as assert from 'assert';
import fc from 'fast-check';
import { compileGlob } from '../../src/core/glob';

/** The obvious translation to a regular expression: right, but exponential on hostile patterns. */
function referenceRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')';
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('globs of news-sources.json', () => {
  it('matches folders, names and alternatives as documented', () => {
    assert.ok(compileGlob('seeds/*.txt').test('seeds/000_a.txt'));
    assert.ok(!compileGlob('seeds/*.txt').test('seeds/x/000_a.txt'));
    assert.ok(compileGlob('**/004_*.txt').test('a/b/004_x.txt'));
    assert.ok(compileGlob('**/004_*.txt').test('004_x.txt'));
    assert.ok(compileGlob('wire/**').test('wire/a/b.txt'));
    assert.ok(compileGlob('{ap,reuters}/*.txt').test('reuters/1.txt'));
    assert.ok(!compileGlob('{ap,reuters}/*.txt').test('afp/1.txt'));
    assert.ok(compileGlob('a?c.txt').test('abc.txt'));
    assert.ok(!compileGlob('a?c.txt').test('a/c.txt'));
  });

  it('property: agrees with the regular-expression reading on small patterns and paths', () => {
    const piece = fc.constantFrom('a', 'b', '/', '.', '*', '**', '**/', '?', '{a,b}', 'x');
    const pathChar = fc.constantFrom('a', 'b', '/', '.', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(pathChar, { maxLength: 10 }), (pieces, chars) => {
        const glob = pieces.join('');
        const path = chars.join('');
        assert.strictEqual(compileGlob(glob).test(path), referenceRegExp(glob).test(path), `${glob} ~ ${path}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('answers hostile patterns at once (they backtrack for minutes as regular expressions)', () => {
    assert.strictEqual(compileGlob('*' + '**'.repeat(10) + 'x').test('a'.repeat(30)), false);
    assert.strictEqual(compileGlob('*-'.repeat(10) + 'x.txt').test('a-'.repeat(40) + 'b.txt'), false);
    assert.strictEqual(compileGlob('**/'.repeat(10) + 'x.txt').test('d/'.repeat(40) + 'y.txt'), false);
    assert.strictEqual(compileGlob('**/'.repeat(10) + 'x.txt').test('d/'.repeat(40) + 'x.txt'), true);
  });
});

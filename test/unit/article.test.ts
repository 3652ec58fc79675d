import * as assert from 'assert';
import { analyzeDocument } from '../../src/core/article';
import type { Paragraph, ParagraphKind } from '../../src/core/model';
import { readSeed } from './sharedFiles';

function kindOf(text: string, paragraphs: Paragraph[], startsWith: string): ParagraphKind[] {
  return paragraphs.filter((p) => text.slice(p.start, p.end).startsWith(startsWith)).map((p) => p.kind);
}

function texts(text: string, paragraphs: Paragraph[], kind: ParagraphKind): string[] {
  return paragraphs.filter((p) => p.kind === kind).map((p) => text.slice(p.start, p.end));
}

describe('article model (analyzeDocument)', () => {
  it('returns paragraphs in order, inside the text, trimmed and non-overlapping', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = readSeed(prefix);
      const { paragraphs } = analyzeDocument(text);
      assert.ok(paragraphs.length > 10, `${prefix}: ${paragraphs.length} paragraphs`);
      let previousEnd = 0;
      for (const p of paragraphs) {
        assert.ok(p.start >= previousEnd && p.end > p.start && p.end <= text.length, `${prefix}: bad span ${p.start}-${p.end}`);
        assert.doesNotMatch(text.slice(p.start, p.end), /^\s|\s$/, `${prefix}: untrimmed paragraph`);
        previousEnd = p.end;
      }
    }
  });

  it('seed 000 (Gleaner, AP): masthead, headline, publication line, doubled caption, wire dateline, body', () => {
    const text = readSeed('000');
    const { paragraphs, headline } = analyzeDocument(text);
    assert.strictEqual(text.slice(paragraphs[headline].start, paragraphs[headline].end), 'Security talks focus on bolstering military cooperation');
    assert.deepStrictEqual(texts(text, paragraphs, 'boilerplate'), ['Mon | Sep 16, 2024', 'JAPAN']);
    assert.deepStrictEqual(texts(text, paragraphs, 'dateline'), ['Published:Monday | July 29, 2024 | 12:08 AM', 'Tokyo (AP)']);
    const captions = paragraphs.filter((p) => p.kind === 'caption');
    assert.strictEqual(captions.length, 2);
    assert.strictEqual(captions[1].repeatOf, paragraphs.indexOf(captions[0]), 'the caption printed twice is marked as a repeat');
    assert.strictEqual(texts(text, paragraphs, 'body').length, 12);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'Japanese and US defence chiefs'), ['body']);
  });

  it('seed 001: the site date and tagline are boilerplate, the standfirst is the headline, a quoted crosshead is a heading', () => {
    const text = readSeed('001');
    const { paragraphs } = analyzeDocument(text);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'Sat. Nov 2nd, 2024'), ['boilerplate']);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'Occasional Digest'), ['boilerplate']);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'The US defence chief says'), ['headline']);
    assert.deepStrictEqual(kindOf(text, paragraphs, '‘Reshaping international order’'), ['headline']);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'Source link'), ['boilerplate']);
    assert.deepStrictEqual(kindOf(text, paragraphs, '“The United States will upgrade'), ['body']);
  });

  it('seed 002: splits paragraphs glued with no newline and marks the second copy of the story as repeats', () => {
    const text = readSeed('002');
    const { paragraphs } = analyzeDocument(text);
    // The first copy of the story is one 5,000-character line; each of its paragraphs becomes its own span.
    const japanIsHome = paragraphs.filter((p) => text.slice(p.start, p.end).startsWith('Japan is home to more than 50,000'));
    assert.strictEqual(japanIsHome.length, 2);
    assert.strictEqual(text.slice(japanIsHome[0].start - 2, japanIsHome[0].start), '.”', 'cut right after the closing quote');
    assert.strictEqual(japanIsHome[1].repeatOf, paragraphs.indexOf(japanIsHome[0]));
    const secretary = paragraphs.filter((p) => text.slice(p.start, p.end).startsWith('Secretary of State Antony Blinken'));
    assert.strictEqual(secretary.length, 2, '"…INDOPACOM.Secretary of State…" is split');
    assert.deepStrictEqual(kindOf(text, paragraphs, 'Related Stories'), ['boilerplate'], 'glued "Related Stories" is cut off as boilerplate');
    assert.deepStrictEqual(kindOf(text, paragraphs, 'TOKYO—'), ['dateline', 'dateline']);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'US–Japan Security Talks'), ['headline', 'headline']);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'By Mari Yamaguchi'), ['byline']);
    assert.deepStrictEqual(texts(text, paragraphs, 'boilerplate'), ['Related Stories', '.', '.']);
    const repeats = paragraphs.filter((p) => p.repeatOf !== undefined);
    assert.ok(repeats.length >= 16, `${repeats.length} repeated paragraphs`);
  });

  it('seed 003: photo placeholder and caption, footer links', () => {
    const text = readSeed('003');
    const { paragraphs } = analyzeDocument(text);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'From left to right'), ['caption']);
    assert.deepStrictEqual(texts(text, paragraphs, 'boilerplate'), ['image', 'image', 'Read More', 'Leave a Reply']);
    assert.deepStrictEqual(kindOf(text, paragraphs, 'US and Japan to revamp'), ['headline']);
  });

  it('seed 004 (NewsX): the settings menu, promos, syndication disclaimer and newsletter box are boilerplate', () => {
    const text = readSeed('004');
    const { paragraphs, headline } = analyzeDocument(text);
    const boilerplate = texts(text, paragraphs, 'boilerplate');
    for (const line of ['Explore', 'Settings', 'Reading Mode', 'Adjust the reading mode to suit your reading needs.', 'Font Size', 'we-woman', 'Advertisement', 'mail logo']) {
      assert.ok(boilerplate.includes(line), `${line} is boilerplate`);
    }
    assert.ok(boilerplate.some((b) => b.startsWith('READ MORE: Russian President')));
    assert.ok(boilerplate.some((b) => b.startsWith('ALSO READ: Kamala Harris')));
    assert.ok(boilerplate.some((b) => b.startsWith('(Except for the headline, this story has not been edited')));
    assert.ok(boilerplate.some((b) => b.startsWith('Subscribe to receive')));
    assert.strictEqual(text.slice(paragraphs[headline].start, paragraphs[headline].end), 'US Upgrades Japan Military Command In Response To China’s Rising Threat');
    assert.deepStrictEqual(kindOf(text, paragraphs, 'A US-Japan Security Consultative Committee meeting'), ['body'], 'a hyphenated name is not a dateline');
    assert.ok(!boilerplate.some((b) => b.startsWith('“We held a separate two-plus-two')));
  });

  it('handles CRLF, lone CR, a BOM and an empty text with offsets into the original string', () => {
    const text = '\ufeffHeadline about the budget vote\r\n\r\nLONDON (Reuters) - The budget vote was passed on Tuesday by a narrow margin after a long debate in parliament.\r\rRead More\r\n';
    const { paragraphs } = analyzeDocument(text);
    assert.deepStrictEqual(paragraphs.map((p) => [p.kind, text.slice(p.start, p.end)]), [
      ['headline', 'Headline about the budget vote'],
      ['dateline', 'LONDON (Reuters) -'],
      ['body', 'The budget vote was passed on Tuesday by a narrow margin after a long debate in parliament.'],
      ['boilerplate', 'Read More'],
    ]);
    assert.deepStrictEqual(analyzeDocument('').paragraphs, []);
    assert.deepStrictEqual(analyzeDocument('\r\n\n  \u00a0\n').paragraphs, []);
  });

  it('joins hard-wrapped paragraphs separated by blank lines', () => {
    const para = 'The council said on Monday that the new bridge would open in the spring of next\nyear, after engineers found that the original design needed stronger supports at\nboth ends and a wider walkway for cyclists and pedestrians.';
    const text = `Bridge opening delayed until spring\n\n${para}\n\n${para}\n`;
    const { paragraphs } = analyzeDocument(text);
    assert.deepStrictEqual(paragraphs.map((p) => p.kind), ['headline', 'body', 'body']);
    assert.strictEqual(text.slice(paragraphs[1].start, paragraphs[1].end), para);
    assert.strictEqual(paragraphs[2].repeatOf, 1);
  });

  it('does not split abbreviations, initials or decimals', () => {
    const body = 'The U.S. Navy and Mr. Smith of Acme Inc. said growth was 3.5 percent in the quarter, according to figures released by the agency on Friday.';
    const text = `Growth figures published\n\n${body}\n`;
    const { paragraphs } = analyzeDocument(text);
    assert.strictEqual(paragraphs.length, 2);
    assert.strictEqual(text.slice(paragraphs[1].start, paragraphs[1].end), body);
  });
});

describe('article model: site furniture', () => {
  it('reads a navigation bar as boilerplate, not as the headline', () => {
    const text = 'Coastal Herald | Your region, every day\nHome  News  Sport  Business  Weather\n\nFlood barrier approved: city to spend $2bn on tidal gates\n\nPublished: Wednesday | 14 May 2025\n\nPORT ALDER, Maine (AP) — The city council voted 7-2 on Tuesday to build a tidal flood barrier across the mouth of the river, the largest public works project in its history.\n';
    const { paragraphs, headline } = analyzeDocument(text);
    assert.strictEqual(text.slice(paragraphs[headline].start, paragraphs[headline].end), 'Flood barrier approved: city to spend $2bn on tidal gates');
    assert.deepStrictEqual(paragraphs.map((p) => p.kind), ['boilerplate', 'boilerplate', 'headline', 'dateline', 'dateline', 'body']);
  });

  it('reads a block of 200,000 short lines without exhausting the stack', () => {
    const text = 'Headline of a long list\n\n' + 'a short line of text here\n'.repeat(200_000);
    const { paragraphs } = analyzeDocument(text);
    assert.ok(paragraphs.length >= 2);
    assert.ok(paragraphs.every((p) => p.end <= text.length));
  });
});

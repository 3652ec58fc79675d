// The analysis worker's compact form of entity mentions (src/extension/worker/mentionCodec.ts): what
// it keeps of each document between two resolutions must give the summary the mentions give.
import * as assert from 'assert';
import { analyzeText } from '../../src/core/corpus';
import { summarize, type SummaryMention } from '../../src/core/entities/resolve';
import { MentionCodec } from '../../src/extension/worker/mentionCodec';
import { readSeeds } from './sharedFiles';

/** What a summary reads of a mention; a falsy role reads as none. */
const readable = (m: SummaryMention): SummaryMention => (m.role ? { type: m.type, key: m.key, surface: m.surface, role: m.role } : { type: m.type, key: m.key, surface: m.surface });
/** A summary without the per-process serial numbers of its clusters. */
const plain = (s: ReturnType<typeof summarize>) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'serial' ? undefined : v instanceof Map ? [...v] : v)));

describe('mention codec', () => {
  it('gives back what a summary reads of the seeds’ mentions, and the same summaries', () => {
    const codec = new MentionCodec();
    for (const [name, { text }] of readSeeds()) {
      const mentions = analyzeText(text).mentions;
      assert.ok(mentions.length > 0, name);
      const decoded = codec.decode(codec.encode(mentions));
      assert.deepStrictEqual(decoded, mentions.map(readable), name);
      assert.deepStrictEqual(plain(summarize(name, 'Outlet', decoded)), plain(summarize(name, 'Outlet', mentions)), name);
    }
  });

  it('keeps tables of any size (multi-byte indices), empty documents, and every kind of surface and role', () => {
    const codec = new MentionCodec();
    const documents: SummaryMention[][] = [[]];
    for (let d = 0; d < 40; d++) {
      const doc: SummaryMention[] = [];
      for (let i = 0; i < 1000; i++) {
        const key = `Name ${d * 1000 + i}`;
        doc.push({ type: i % 3 === 0 ? 'PERSON' : i % 3 === 1 ? 'ORG' : 'PLACE', key, surface: i % 2 ? key : `${key}’s`, ...(i % 5 === 0 ? { role: `Role ${i}` } : {}) });
      }
      documents.push(doc);
    }
    const encoded = documents.map((doc) => codec.encode(doc));
    assert.ok(codec.size > 16384, 'indices past two bytes');
    documents.forEach((doc, i) => assert.deepStrictEqual(codec.decode(encoded[i]), doc));
    assert.deepStrictEqual(codec.decode(codec.encode([{ type: 'PERSON', key: 'A', surface: 'A', role: '' }])), [{ type: 'PERSON', key: 'A', surface: 'A' }]);
  });
});

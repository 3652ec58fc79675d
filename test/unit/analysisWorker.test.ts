// The analysis worker (src/extension/worker): per-document analysis off the host, the content-keyed
// cache (round trip, other analyser version, corruption), identities resolved elsewhere, and the real
// worker_threads transport.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { analyzeText, Corpus, type DocumentParts } from '../../src/core/corpus';
import { DEFAULT_PASSAGE_OPTIONS, preparePassages } from '../../src/core/passages/passageIndex';
import { AnalysisService, ANALYZER_VERSION, CACHE_FORMAT, contentHash, identitySnapshot, lazyParts, replyJson, type AnalyzeReply, type ResolveReply, type SaveCacheReply } from '../../src/extension/worker/analysisService';
import { AnalysisClient, sameThreadPort, type AnalysisPort, type ReplyMessage } from '../../src/extension/worker/protocol';
import { readSeeds } from './sharedFiles';

const seeds = [...readSeeds().values()];
const encode = (s: string) => new TextEncoder().encode(s);
/** The analysis without the passage tokens the worker adds (compared with analyzeText's). */
const core = (parts: DocumentParts) => {
  const { passages, ...rest } = parts;
  void passages;
  return rest;
};

/** A corpus fed analyses made elsewhere reports what a corpus analysing the same texts itself reports. */
function assertFedReportsAsOwn(docs: { path: string; text: string; parts: DocumentParts }[]): void {
  const own = new Corpus();
  const fed = new Corpus();
  for (const { path: p, text, parts } of docs) {
    own.upsert(p, text);
    fed.upsertAnalyzed(p, text, parts);
  }
  assert.deepStrictEqual(fed.report(), own.report());
}

describe('analysis worker: per-document analysis and its cache', () => {
  it('analyses exactly as the corpus does', () => {
    const service = new AnalysisService();
    for (const { name, text } of seeds) {
      const result = service.analyze(name, text);
      assert.strictEqual(result.cached, false);
      assert.deepStrictEqual(core(result.parts), JSON.parse(JSON.stringify(analyzeText(text))));
      // Fingerprints and the text's outlet; the index tokenises a text itself when it aligns it.
      assert.deepStrictEqual(result.parts.passages, preparePassages(text, result.parts.structure.paragraphs, DEFAULT_PASSAGE_OPTIONS, { outlet: true }));
      assert.strictEqual(result.parts.passages!.tokens, undefined);
    }
  });

  it('a passage index given prepared tokens of another shingle size tokenises again', () => {
    const [a, b] = seeds;
    const own = new Corpus({ passages: { shingle: 6 } });
    const fed = new Corpus({ passages: { shingle: 6 } });
    const service = new AnalysisService();
    for (const { name, text } of [a, b]) {
      own.upsert(name, text);
      fed.upsertAnalyzed(name, text, service.analyze(name, text).parts);
    }
    assert.deepStrictEqual(fed.documentReport(a.name)!.shared, own.documentReport(a.name)!.shared);
  });

  it('a corpus fed with the worker’s analyses reports what a corpus analysing itself reports', () => {
    const service = new AnalysisService();
    assertFedReportsAsOwn(seeds.map(({ name, text }) => ({ path: name, text, parts: service.analyze(name, text).parts })));
  });

  it('a saved cache answers the next session without analysing (keyed by content, not path)', () => {
    const first = new AnalysisService();
    for (const { name, text } of seeds) first.analyze(name, text);
    const saved = first.saveCache();
    assert.strictEqual(saved.entries, seeds.length);
    // ASCII only (non-ASCII escaped): the next session's decoded cache stays one byte a character.
    assert.ok(saved.bytes.every((b) => b < 128));
    assert.ok(seeds.some(({ text }) => /[^\x00-\x7f]/.test(text)));
    const second = new AnalysisService();
    assert.deepStrictEqual(second.loadCache(saved.bytes), { entries: seeds.length });
    for (const { name, text } of seeds) {
      const result = second.analyze(`renamed/${name}`, text);
      assert.strictEqual(result.cached, true, name);
      assert.deepStrictEqual(core(result.parts), JSON.parse(JSON.stringify(analyzeText(text))));
      // The passage fingerprints come from the cache too, equal to freshly made ones.
      assert.deepStrictEqual(result.parts.passages, preparePassages(text, result.parts.structure.paragraphs, DEFAULT_PASSAGE_OPTIONS, { outlet: true }), name);
    }
    assert.strictEqual(second.needsSaving, false);
    // A corpus fed from the cache reports what a corpus analysing itself reports.
    assertFedReportsAsOwn(seeds.map(({ name, text }) => ({ path: name, text, parts: second.analyze(name, text).parts })));
    // A changed text is a miss.
    assert.strictEqual(second.analyze('x', seeds[0].text + ' More.').cached, false);
  });

  it('a worker that can write files saves the cache itself, chunk by chunk, the same bytes; a failed write keeps it unsaved', () => {
    const written = new Map<string, Uint8Array[]>();
    // a chunk is valid only until the next is asked for (ChunkWriter): keep copies
    const writer = (file: string, chunks: Iterable<Uint8Array>) => void written.set(file, Array.from(chunks, (c) => c.slice()));
    const withWriter = new AnalysisService(undefined, writer);
    const plain = new AnalysisService();
    for (const { name, text } of seeds) {
      withWriter.analyze(name, text);
      plain.analyze(name, text);
    }
    const reply = withWriter.handle({ kind: 'saveCache', file: '/storage/cache.jsonl' }) as SaveCacheReply;
    assert.strictEqual(reply.written, true);
    assert.strictEqual(reply.bytes.length, 0, 'nothing crosses to the host');
    assert.strictEqual(reply.entries, seeds.length);
    const chunks = written.get('/storage/cache.jsonl')!;
    assert.ok(chunks.length > seeds.length, 'written entry by entry, not joined first');
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) (joined.set(c, at), (at += c.length));
    assert.deepStrictEqual(joined, plain.saveCache().bytes);
    assert.strictEqual(withWriter.needsSaving, false);
    // Without a file, or without a writer, the bytes come back for the host to write.
    assert.ok((withWriter.handle({ kind: 'saveCache' }) as SaveCacheReply).bytes.length > 0);
    assert.strictEqual((plain.handle({ kind: 'saveCache', file: '/x' }) as SaveCacheReply).written, undefined);
    // A write that fails throws to the host, and the cache still needs saving.
    const failing = new AnalysisService(undefined, () => {
      throw new Error('disk full');
    });
    failing.analyze('a', seeds[0].text);
    assert.throws(() => failing.handle({ kind: 'saveCache', file: '/full/cache.jsonl' }), /disk full/);
    assert.strictEqual(failing.needsSaving, true);
  });

  it('keeps the entries it makes in a spill file when it has one, and saves the same bytes from it', () => {
    const spilled: Uint8Array[] = [];
    let size = 0;
    let full = false;
    const spillFile = {
      append(bytes: Uint8Array) {
        if (full) throw new Error('disk full');
        spilled.push(bytes.slice());
        size += bytes.length;
        return size - bytes.length;
      },
      read(at: number, length: number, into?: Uint8Array) {
        const all = new Uint8Array(size);
        let k = 0;
        for (const b of spilled) (all.set(b, k), (k += b.length));
        if (!into || into.length < length) return all.slice(at, at + length);
        into.set(all.subarray(at, at + length));
        return into.subarray(0, length);
      },
    };
    const opened: string[] = [];
    // A writer that, as a file's, takes each chunk before the next is made (read-back entries share a buffer).
    const written: Uint8Array[] = [];
    const writer = (_: string, chunks: Iterable<Uint8Array>) => {
      for (const c of chunks) written.push(c.slice());
    };
    const withSpill = new AnalysisService(undefined, writer, (file) => (opened.push(file), spillFile));
    const plain = new AnalysisService();
    withSpill.handle({ kind: 'loadCache', bytes: undefined, spill: '/storage/x.spill' });
    assert.deepStrictEqual(opened, ['/storage/x.spill']);
    for (const { name, text } of seeds) {
      assert.deepStrictEqual(withSpill.analyze(name, text).parts, plain.analyze(name, text).parts);
    }
    assert.strictEqual(spilled.length, seeds.length, 'every new entry went to the file');
    // Read back when a text comes again, and when saved.
    assert.ok(seeds.every(({ name, text }) => withSpill.analyze(`again/${name}`, text).cached));
    assert.deepStrictEqual(withSpill.saveCache().bytes, plain.saveCache().bytes);
    // Written chunk by chunk, with an entry longer than the shared buffer's first size (64 KB).
    const long = Array.from({ length: 25 }, () => seeds[0].text).join('\n\n');
    withSpill.analyze('long', long);
    plain.analyze('long', long);
    assert.ok(withSpill.handle({ kind: 'saveCache', file: '/storage/cache.jsonl' }));
    const expected = plain.saveCache().bytes;
    assert.ok(expected.length - expected.lastIndexOf(10, expected.length - 2) > 65536, 'the long entry is over 64 KB');
    assert.deepStrictEqual(Buffer.concat(written), Buffer.from(expected));
    // A file that cannot be written: the entry stays in memory.
    full = true;
    const edited = seeds[0].text + ' One more sentence.';
    withSpill.analyze('edited', edited);
    assert.strictEqual(withSpill.analyze('edited-again', edited).cached, true);
    assert.strictEqual(spilled.length, seeds.length + 1, 'seeds and the long text');
  });

  it('drops the entries of files that are gone when saving', () => {
    const service = new AnalysisService();
    service.analyze('a', seeds[0].text);
    service.analyze('b', seeds[1].text);
    service.handle({ kind: 'forget', paths: ['b'] });
    assert.strictEqual(service.saveCache().entries, 1);
  });

  it('discards a cache of another analyser version or format, and survives corrupt bytes', () => {
    const service = new AnalysisService();
    service.analyze('a', seeds[0].text);
    const good = new TextDecoder().decode(service.saveCache().bytes);
    const other = good.replace(JSON.stringify(ANALYZER_VERSION), JSON.stringify('0.0.0+older'));
    assert.notStrictEqual(other, good);
    const fresh = () => new AnalysisService();
    const stale = fresh().loadCache(encode(other));
    assert.strictEqual(stale.entries, 0);
    assert.match(stale.discarded ?? '', /analyser version/);
    for (const bytes of [new Uint8Array([0xff, 0xfe, 0x00, 0x41]), encode('{"format":'), encode('not json\nabc\tdef'), encode(JSON.stringify({ format: 'x' }))]) {
      const s = fresh();
      assert.strictEqual(s.loadCache(bytes).entries, 0);
      assert.strictEqual(s.analyze('a', seeds[0].text).cached, false);
    }
    // A damaged entry (cut short, or valid JSON of the wrong shape) is analysed again, correctly.
    const [header, line] = good.split('\n');
    const hash = contentHash(seeds[0].text);
    for (const damaged of [line.slice(0, line.length - 40), `${hash}\t{"structure":1}`, `${hash}\t{]`]) {
      const s = fresh();
      s.loadCache(encode(`${header}\n${damaged}\n`));
      const result = s.analyze('a', seeds[0].text);
      assert.strictEqual(result.cached, false);
      assert.deepStrictEqual(core(result.parts), JSON.parse(JSON.stringify(analyzeText(seeds[0].text))));
    }
    // Bytes that are not UTF-8 inside one entry: that entry alone is analysed again.
    const broken = encode(`${header}\n${line}\n`);
    broken[header.length + 1 + line.indexOf('{') + 5] = 0xff;
    const s = fresh();
    assert.strictEqual(s.loadCache(broken).entries, 1);
    const again = s.analyze('a', seeds[0].text);
    assert.strictEqual(again.cached, false);
    assert.deepStrictEqual(core(again.parts), JSON.parse(JSON.stringify(analyzeText(seeds[0].text))));
    assert.ok(header.includes(CACHE_FORMAT));
  });

  it('content hashes differ for near-identical texts', () => {
    const hashes = new Set<string>();
    for (let i = 0; i < 2000; i++) hashes.add(contentHash(`text ${i}`));
    hashes.add(contentHash(seeds[0].text));
    hashes.add(contentHash(seeds[0].text.replace('a', 'b')));
    assert.strictEqual(hashes.size, 2002);
  });
});

describe('analysis worker: identities resolved elsewhere', () => {
  function corpora() {
    const service = new AnalysisService();
    const own = new Corpus();
    const remote = new Corpus();
    remote.resolveIdentitiesElsewhere(true);
    for (const { name, text } of seeds) {
      own.upsert(name, text);
      remote.upsertAnalyzed(name, text, service.analyze(name, text).parts);
    }
    return { service, own, remote };
  }

  function applySnapshot(service: AnalysisService, corpus: Corpus, knowledge?: string) {
    const input = corpus.identityInput();
    const reply = service.resolve(input.map((d) => ({ path: d.path, outlet: d.outlet })), knowledge) as ResolveReply;
    corpus.setIdentitySnapshot(identitySnapshot(reply), new Map(input.map((d) => [d.path, d.version])));
  }

  it('with the worker’s snapshot, reports equal those of a corpus resolving itself', () => {
    const { service, own, remote } = corpora();
    applySnapshot(service, remote);
    assert.deepStrictEqual(remote.report(), own.report());
  });

  it('an edited document gets the ids its names had in the snapshot until the next one, without resolving', () => {
    const { service, own, remote } = corpora();
    applySnapshot(service, remote);
    const name = seeds[0].name;
    const edited = seeds[0].text.replace(/\n\n/, '\n\nA new paragraph that names nobody at all in it.\n\n');
    own.upsert(name, edited);
    remote.upsert(name, edited);
    const provisional = remote.documentReport(name)!;
    const resolved = own.documentReport(name)!;
    assert.deepStrictEqual(
      provisional.entities.map((e) => e.id),
      resolved.entities.map((e) => e.id),
    );
    applySnapshot(service, remote);
    assert.deepStrictEqual(remote.documentReport(name), resolved);
  });

  it('mentions kept as bytes between resolutions resolve as a corpus resolving itself, through edits, renames, removals and compactions', () => {
    const { service, own, remote } = corpora();
    service.codecSlack = -Infinity; // compact the string table after every resolution
    const edited = new Set<string>();
    const resolveAndCompare = (step: string) => {
      const input = remote.identityInput();
      // As the extension sends them: the mentions of documents analysed on the host, not by the worker.
      const reply = service.resolve(input.map((d) => ({ path: d.path, outlet: d.outlet, ...(edited.has(d.path) ? { mentions: d.mentions } : {}) })));
      remote.setIdentitySnapshot(identitySnapshot(reply), new Map(input.map((d) => [d.path, d.version])));
      assert.deepStrictEqual(remote.report(), own.report(), step);
    };
    resolveAndCompare('first resolution');
    const [a, b, c] = seeds;
    const text = a.text.replace(/\n\n/, '\n\nDefence Secretary Jane Quillfeather met Acme Widgets Corporation officials in Oslo.\n\n');
    own.upsert(a.name, text);
    remote.upsert(a.name, text);
    edited.add(a.name);
    resolveAndCompare('after an edit analysed on the host');
    own.rename(b.name, `moved/${b.name}`);
    remote.rename(b.name, `moved/${b.name}`);
    service.handle({ kind: 'rename', from: b.name, to: `moved/${b.name}` });
    resolveAndCompare('after a rename');
    own.remove(c.name);
    remote.remove(c.name);
    service.handle({ kind: 'forget', paths: [c.name] });
    resolveAndCompare('after a removal');
  });

  it('writes a resolution as JSON in pieces, the JSON of the whole', () => {
    const { service, remote } = corpora();
    const reply = service.resolve(remote.identityInput().map((d) => ({ path: d.path, outlet: d.outlet })));
    const whole = (r: ResolveReply) => JSON.stringify(r, (_, v) => (v instanceof Int32Array ? { i32: Array.from(v) } : v));
    assert.strictEqual([...replyJson(reply)].join(''), whole(reply));
    // long enough for many pieces, with empty tables and negative numbers
    const big: ResolveReply = {
      entities: reply.entities.concat(...Array.from({ length: 30 }, () => reply.entities)),
      idTable: [],
      paths: Array.from({ length: 20000 }, (_, i) => `folder/article ${i} “quoted”.txt`),
      offsets: Int32Array.from({ length: 20001 }, (_, i) => i * 25),
      mentionIds: Int32Array.from({ length: 500000 }, (_, i) => (i % 7) - 3),
      keys: [],
      keyIds: new Int32Array(0),
    };
    const pieces = [...replyJson(big)];
    assert.ok(pieces.length > 10 && pieces.every((p) => p.length < 70000));
    assert.strictEqual(pieces.join(''), whole(big));
  });

  it('a saved cache keeps the last resolution: the same workspace gets it back without resolving, a changed one resolves', () => {
    const first = new AnalysisService();
    for (const { name, text } of seeds) first.analyze(name, text);
    const docs = seeds.map((s) => ({ path: s.name, outlet: null }));
    const resolved = first.resolve(docs);
    const bytes = first.saveCache().bytes;
    const second = new AnalysisService();
    second.loadCache(bytes);
    for (const { name, text } of seeds) second.analyze(name, text);
    let resolvedAgain = 0;
    const real = (second as any).resolveNow.bind(second);
    (second as any).resolveNow = (...args: unknown[]) => (resolvedAgain++, real(...args));
    assert.deepStrictEqual(second.resolve(docs), resolved);
    assert.strictEqual(resolvedAgain, 0, 'the cached resolution was used');
    second.resolve(docs.map((d, i) => (i === 0 ? { ...d, outlet: 'Another Outlet' } : d)));
    assert.strictEqual(resolvedAgain, 1, 'an outlet changed: resolved again');
    second.analyze(seeds[1].name, seeds[1].text + '\n\nMore words from Tokyo.');
    second.resolve(docs);
    assert.strictEqual(resolvedAgain, 2, 'a text changed: resolved again');
  });

  it('before any snapshot, mentions carry provisional ids made from their names', () => {
    const { remote } = corpora();
    const report = remote.documentReport(seeds[0].name)!;
    assert.ok(report.entities.length > 0);
    for (const e of report.entities) assert.match(e.id, /^(person|org|place):[a-z0-9-]+$/);
    assert.deepStrictEqual(remote.entities(), []);
  });
});

describe('analysis worker: parts restored lazily', () => {
  it('parse on first read, and damaged JSON is analysed again from the text', () => {
    const text = seeds[0].text;
    const fresh = analyzeText(text);
    let reanalysed = 0;
    const good = lazyParts(JSON.stringify(fresh), undefined, () => (reanalysed++, analyzeText(text)));
    assert.deepStrictEqual(good.quotes, JSON.parse(JSON.stringify(fresh.quotes)));
    assert.strictEqual(good.mentions, good.mentions, 'parsed once');
    const damaged = lazyParts(JSON.stringify(fresh).slice(0, -40), undefined, () => (reanalysed++, analyzeText(text)));
    assert.deepStrictEqual(damaged.structure, fresh.structure);
    assert.strictEqual(reanalysed, 1);
    // As the cache's bytes (how they cross from the worker); bytes that are not UTF-8 are damaged too.
    const bytes = encode(JSON.stringify(fresh));
    assert.deepStrictEqual(lazyParts(bytes, undefined, () => (reanalysed++, analyzeText(text))).mentions, JSON.parse(JSON.stringify(fresh.mentions)));
    bytes[bytes.indexOf(34 /* " */) + 1] = 0xff;
    assert.deepStrictEqual(lazyParts(bytes, undefined, () => (reanalysed++, analyzeText(text))).quotes, fresh.quotes);
    assert.strictEqual(reanalysed, 2);
  });

  it('a lazy analysis crosses as ASCII bytes in a buffer of its own (moved, not copied, to the host), new or cached', () => {
    const service = new AnalysisService();
    for (const round of ['new', 'cached']) {
      for (const { name, text } of seeds) {
        const wire = service.analyze(name, text, true);
        assert.strictEqual(wire.cached, round === 'cached');
        const bytes = wire.partsJson!;
        assert.ok(bytes instanceof Uint8Array, name);
        assert.ok(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength, 'a whole buffer, transferable');
        assert.ok(bytes.every((b) => b < 128), 'ASCII');
        assert.deepStrictEqual(JSON.parse(new TextDecoder().decode(bytes)), JSON.parse(JSON.stringify(analyzeText(text))));
      }
    }
  });
});

describe('analysis worker: transports', () => {
  async function roundTrip(port: AnalysisPort) {
    const client = new AnalysisClient(port);
    try {
      const reply = await client.request<AnalyzeReply>({ kind: 'analyze', docs: seeds.map((s) => ({ path: s.name, text: s.text })) });
      assert.deepStrictEqual(
        reply.results.map((r) => core(r.parts)),
        seeds.map((s) => JSON.parse(JSON.stringify(analyzeText(s.text)))),
      );
      // The same texts again: answered from the cache, as JSON made into parts that parse when read.
      const again = await client.request<AnalyzeReply>({ kind: 'analyze', docs: seeds.map((s) => ({ path: `again/${s.name}`, text: s.text })) });
      assert.ok(again.results.every((r) => r.cached));
      assert.ok(again.results.every((r) => !('partsJson' in r) && r.parts.passages!.fingerprints.length > 0));
      assertFedReportsAsOwn(again.results.map((r, i) => ({ path: r.path, text: seeds[i].text, parts: r.parts })));
      assert.deepStrictEqual(
        again.results.map((r) => core(r.parts)),
        seeds.map((s) => JSON.parse(JSON.stringify(analyzeText(s.text)))),
      );
      await assert.rejects(client.request({ kind: 'nonsense' } as never), /./);
    } finally {
      client.dispose();
    }
  }

  it('same thread', () => roundTrip(sameThreadPort()));

  it('a worker_threads Worker writes the cache file itself (whole, beside-then-renamed); a failed write rejects', async () => {
    const worker = new Worker(path.join(__dirname, '..', '..', 'src', 'extension', 'worker', 'nodeWorker.js'));
    const client = new AnalysisClient({
      kind: 'worker_threads',
      post: (m, transfer) => worker.postMessage(m, transfer),
      onMessage: (l: (m: ReplyMessage) => void) => void worker.on('message', l),
      terminate: () => void worker.terminate(),
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cache-'));
    try {
      // New entries wait in a spill file of the worker's own, removed as soon as it is open.
      await client.request({ kind: 'loadCache', bytes: undefined, spill: path.join(dir, 'analysis-cache.jsonl.1.spill') });
      assert.deepStrictEqual(fs.readdirSync(dir), []);
      await client.request<AnalyzeReply>({ kind: 'analyze', docs: seeds.map((s) => ({ path: s.name, text: s.text })) });
      // read back from it: the same texts again are answered from the cache
      const again = await client.request<AnalyzeReply>({ kind: 'analyze', docs: seeds.map((s) => ({ path: `again/${s.name}`, text: s.text })) });
      assert.ok(again.results.every((r) => r.cached));
      const file = path.join(dir, 'analysis-cache.jsonl');
      fs.writeFileSync(file, 'the previous cache');
      const reply = await client.request<SaveCacheReply>({ kind: 'saveCache', file });
      assert.strictEqual(reply.written, true);
      assert.deepStrictEqual(fs.readdirSync(dir), ['analysis-cache.jsonl'], 'no temporary file left');
      const next = new AnalysisService();
      assert.deepStrictEqual(next.loadCache(new Uint8Array(fs.readFileSync(file))), { entries: seeds.length });
      assert.ok(seeds.every(({ name, text }) => next.analyze(name, text).cached));
      await assert.rejects(client.request({ kind: 'saveCache', file: path.join(dir, 'missing', 'cache.jsonl') }));
      assert.deepStrictEqual(fs.readdirSync(dir), ['analysis-cache.jsonl']);
    } finally {
      client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a worker_threads Worker', async () => {
    const worker = new Worker(path.join(__dirname, '..', '..', 'src', 'extension', 'worker', 'nodeWorker.js'));
    await roundTrip({
      kind: 'worker_threads',
      post: (m, transfer) => worker.postMessage(m, transfer),
      onMessage: (l: (m: ReplyMessage) => void) => void worker.on('message', l),
      terminate: () => void worker.terminate(),
    });
  });
});

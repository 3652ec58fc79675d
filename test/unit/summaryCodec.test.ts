// The analysis worker's compact form of entity summaries (src/extension/worker/summaryCodec.ts): what
// it keeps of each document between two resolutions must give back the summary summarize() makes.
import * as assert from 'assert';
import { analyzeText } from '../../src/core/corpus';
import { summarize, summaryFromCounts, type ClusterCounts } from '../../src/core/entities/resolve';
import { SummaryCodec } from '../../src/extension/worker/summaryCodec';
import { readSeeds } from './sharedFiles';

/** A summary as plain data (maps as entry lists, in order), without the per-process serial numbers of its clusters. */
const plain = (s: ReturnType<typeof summarize>) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'serial' ? undefined : v instanceof Map ? [...v] : v)));

describe('summary codec', () => {
  it('gives back the summaries of the seeds’ mentions, under any path and outlet', () => {
    const codec = new SummaryCodec();
    let multiSurface = 0;
    let withRoles = 0;
    for (const [name, { text }] of readSeeds()) {
      const mentions = analyzeText(text).mentions;
      assert.ok(mentions.length > 0, name);
      const made = summarize(name, 'Outlet', mentions);
      multiSurface += made.clusters.filter((c) => typeof c.surfaces !== 'string').length;
      withRoles += made.clusters.filter((c) => c.roles.size > 0).length;
      // encoded without path or outlet (as the worker does when it analyses), decoded with them
      const { clusters, clusterOf } = codec.decode(codec.encode(summarize('elsewhere', null, mentions)));
      assert.deepStrictEqual(plain(summaryFromCounts(name, 'Outlet', clusters, clusterOf)), plain(made), name);
      assert.deepStrictEqual(plain(summaryFromCounts(name, null, clusters, clusterOf)), plain(summarize(name, null, mentions)), name);
    }
    assert.ok(multiSurface > 0 && withRoles > 0, 'the seeds have clusters written several ways, and roles');
  });

  it('keeps tables of any size (multi-byte indices and counts), empty documents, maps in their order', () => {
    const codec = new SummaryCodec();
    const documents: { clusters: ClusterCounts[]; clusterOf: number[] }[] = [{ clusters: [], clusterOf: [] }];
    for (let d = 0; d < 40; d++) {
      const clusters: ClusterCounts[] = [];
      for (let i = 0; i < 500; i++) {
        const key = `Name ${d * 1000 + i}`;
        const surfaces = i % 2 ? key : new Map([[`${key}’s`, 1], [`z ${key}`, 200], [key, 3]]);
        const roles = i % 5 === 0 ? new Map([[`Role ${i}`, 70000], ['Another role', 1]]) : undefined;
        clusters.push({ type: i % 3 === 0 ? 'PERSON' : i % 3 === 1 ? 'ORG' : 'PLACE', key, surfaces, roles, count: i % 2 ? 1 + i * 300 : 204 });
      }
      documents.push({ clusters, clusterOf: clusters.map((_, i) => 499 - i).concat([0, 0, 1]) });
    }
    const encoded = documents.map((doc) => codec.encode(doc));
    assert.ok(codec.size > 16384, 'indices past two bytes');
    documents.forEach((doc, i) => {
      const back = codec.decode(encoded[i]);
      assert.deepStrictEqual(back, doc);
      back.clusters.forEach((c, k) => {
        if (c.surfaces instanceof Map) assert.deepStrictEqual([...c.surfaces.keys()], [...(doc.clusters[k].surfaces as Map<string, number>).keys()], 'in order');
      });
    });
  });
});

// The quote layer: every direct quote of a document, its kind and its speaker; and, across
// documents, the copies of one quote printed by several outlets (see link.ts).

import type { Paragraph, ReportQuote, Span } from '../model';
import { Attributor, type MentionLike, type Quote, type QuoteSpeaker, type SpeakerVia } from './attribute';
import { detectQuotes, lineParagraphs, type RawQuote } from './marks';
export { copiesFor, linkQuoteCopies, wordKey } from './link';
export type { CopyRelation, LinkedCopy, LinkOptions, LinkResult, QuoteDoc, QuoteGroup, WordDifference } from './link';

export type { MentionLike, Quote, QuoteSpeaker, SpeakerVia, RawQuote };
export { detectQuotes, lineParagraphs };

/**
 * Quotes of one document. `paragraphs` (from `analyzeDocument`) are optional: without them each
 * non-blank line is a paragraph. `mentions` (from the entities layer, sorted by start) let each
 * speaker point at the mention it resolved to; without them speakers are phrases and names only.
 */
export function findQuotes(
  text: string,
  paragraphs?: readonly (Span | Paragraph)[] | null,
  mentions?: readonly MentionLike[] | null,
): Quote[] {
  const paras = paragraphs && paragraphs.length > 0 ? [...paragraphs].sort((a, b) => a.start - b.start) : lineParagraphs(text);
  const raw = detectQuotes(text, paras);
  const kinds = paras.map((p) => ('kind' in p ? (p as Paragraph).kind : undefined));
  const ms = mentions ? [...mentions].sort((a, b) => a.start - b.start || b.end - a.end) : [];
  return new Attributor(text, paras, raw, ms, kinds).run();
}

/**
 * The scan report's view of the quotes. `entityId` maps a speaker's mention (index and key into the
 * mentions given to `findQuotes`) to the corpus-wide entity id; speakers without a mention get null
 * as `speaker` but keep their `speakerName`.
 */
export function toReportQuotes(quotes: readonly Quote[], entityId: (mention: number, key: string | null) => string | null): ReportQuote[] {
  return quotes.map((q) => {
    const sp = q.speaker;
    const id = sp && sp.mention >= 0 ? entityId(sp.mention, sp.key) : null;
    const out: ReportQuote = { start: q.start, end: q.end, kind: q.kind, speaker: id, speakerName: sp ? sp.name : null };
    if (sp) {
      out.speakerPhrase = { start: sp.start, end: sp.end, text: sp.text };
      out.speakerVia = sp.via;
      if (sp.role) out.speakerRole = sp.role;
      if (sp.group) out.speakerGroup = sp.group.map((g) => entityId(g.mention, g.key)).filter((x): x is string => x !== null);
    }
    if (q.continues >= 0) out.continues = q.continues;
    return out;
  });
}

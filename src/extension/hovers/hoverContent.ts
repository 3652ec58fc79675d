// The Markdown of the three hovers (entity card, quote, shared passage). Pure (no vscode import):
// the provider wraps these strings in trusted MarkdownStrings whose command links it allows by name.
// Article text is always escaped before it is put into Markdown.
import type { QuoteCopy, ReportEntity, ReportQuote, ReportShared } from '../../core/model';
import { percent, excerpt } from '../layers/outletNames';
import type { ComparisonRequest, PassageTarget } from '../lenses/sharedParagraphs';

export interface HoverContext {
  /** Localises a message with {0}-style placeholders. */
  t(message: string, ...args: (string | number)[]): string;
  outletOf(path: string): string;
  /** The text of a span of a corpus document, or undefined when the document is unknown. */
  textOf(target: PassageTarget): string | undefined;
}

export const HOVER_COMMANDS = {
  open: 'newsAnnotator.openPassage',
  compare: 'newsAnnotator.comparePassage',
  mentions: 'newsAnnotator.showEntityMentions',
} as const;

/** Escapes text so Markdown shows it literally (no links, emphasis, HTML or headings). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"]/g, (c) => `\\${c}`).replace(/\r\n?|[\n\u2028\u2029\u0085]/g, ' ');
}

export function commandLink(label: string, command: string, args: unknown): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}

const TYPE_NAMES: Record<string, string> = { PERSON: 'person', ORG: 'organisation', PLACE: 'place' };

export interface EntityMentionsByPath {
  path: string;
  mentions: { start: number; end: number }[];
}

export function entityHoverMarkdown(entity: ReportEntity, mentionsByPath: readonly EntityMentionsByPath[], ctx: HoverContext): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** · ${escapeMarkdown(ctx.t(TYPE_NAMES[entity.type] ?? String(entity.type).toLowerCase()))}`);
  if (entity.description) lines.push('', escapeMarkdown(entity.description));
  const aliases = entity.aliases.filter((a) => a !== entity.name);
  if (aliases.length) lines.push('', `${ctx.t('Also called')}: ${aliases.map(escapeMarkdown).join(', ')}`);
  if (entity.roles.length) lines.push('', `${ctx.t('Roles')}: ${entity.roles.map(escapeMarkdown).join('; ')}`);

  // Counted from the corpus's mentions, by the outlet names the rest of the UI shows (the core's
  // mentionsByOutlet lumps articles without a known outlet together); the core's counts are the fallback.
  const byOutlet = new Map<string, number>();
  for (const m of mentionsByPath) byOutlet.set(ctx.outletOf(m.path), (byOutlet.get(ctx.outletOf(m.path)) ?? 0) + m.mentions.length);
  const counts = byOutlet.size
    ? [...byOutlet].map(([outlet, count]) => ({ outlet, count }))
    : Object.entries(entity.mentionsByOutlet ?? {}).map(([outlet, count]) => ({ outlet, count }));
  if (counts.length) {
    lines.push('', `| ${ctx.t('Outlet')} | ${ctx.t('Mentions')} |`, '|:--|--:|');
    for (const { outlet, count } of counts.sort((a, b) => b.count - a.count)) lines.push(`| ${escapeMarkdown(outlet)} | ${count} |`);
  }

  // Links to the mentions before the quotes, so they show without scrolling the hover.
  const total = mentionsByPath.reduce((n, m) => n + m.mentions.length, 0);
  if (total) {
    const links = mentionsByPath
      .filter((m) => m.mentions.length)
      .map((m) => commandLink(`${ctx.outletOf(m.path)} (${m.mentions.length})`, HOVER_COMMANDS.open, { path: m.path, start: m.mentions[0].start, end: m.mentions[0].end }));
    lines.push('', `${commandLink(ctx.t('Show all {0} mentions', total), HOVER_COMMANDS.mentions, { id: entity.id })} · ${links.join(' · ')}`);
  }
  const quotes = entity.quotes ?? [];
  if (quotes.length) {
    lines.push('', `${ctx.t('Quotes')} (${quotes.length}):`);
    for (const quote of quotes.slice(0, 5)) {
      const text = ctx.textOf(quote);
      if (text === undefined) continue;
      lines.push(`- “${escapeMarkdown(excerpt(text, 110))}” — ${commandLink(ctx.outletOf(quote.path), HOVER_COMMANDS.open, quote)}`);
    }
    if (quotes.length > 5) lines.push(`- ${escapeMarkdown(ctx.t('…and {0} more', quotes.length - 5))}`);
  }

  return lines.join('\n');
}

export function differencesMarkdown(copy: QuoteCopy, ctx: HoverContext): string {
  if (!copy.differences.length) return ctx.t('identical');
  return copy.differences
    .map((d) => {
      if (d.kind === 'added') return `${ctx.t('adds')} **${escapeMarkdown(d.text)}**`;
      if (d.kind === 'removed') return `${ctx.t('drops')} ~~${escapeMarkdown(d.text)}~~`;
      return `~~${escapeMarkdown(d.text)}~~ → **${escapeMarkdown(d.replacement ?? '')}**`;
    })
    .join(', ');
}

/**
 * The copies of a quote in other articles, one per article (the closest when a page prints the story
 * twice); copies inside the same article (a quote repeated or quoted again) are left out.
 */
export function otherCopies(path: string, copies: readonly QuoteCopy[] | undefined): QuoteCopy[] {
  const best = new Map<string, QuoteCopy>();
  for (const copy of copies ?? []) {
    if (copy.path === path) continue;
    const seen = best.get(copy.path);
    if (!seen || copy.differences.length < seen.differences.length) best.set(copy.path, copy);
  }
  return [...best.values()];
}

export function quoteHoverMarkdown(quote: ReportQuote, speaker: { name: string | null; entityName?: string | null }, ctx: HoverContext, path = ''): string {
  const lines: string[] = [];
  const title = quote.kind === 'term' ? ctx.t('Quoted term') : ctx.t('Quote');
  const who = speaker.entityName && speaker.name && speaker.entityName !== speaker.name
    ? `${escapeMarkdown(speaker.entityName)} (${escapeMarkdown(ctx.t('named here as “{0}”', speaker.name))})`
    : speaker.name || speaker.entityName
      ? escapeMarkdown((speaker.entityName || speaker.name)!)
      : escapeMarkdown(ctx.t('speaker not identified'));
  lines.push(quote.kind === 'term' && !speaker.name && !speaker.entityName ? `**${title}**` : `**${title}** — ${who}`);
  const copies = otherCopies(path, quote.copies);
  if (copies.length === 0) {
    lines.push('', ctx.t('No other outlet in the corpus prints this quote.'));
  } else {
    lines.push('', copies.length === 1 ? ctx.t('Printed by 1 other outlet:') : ctx.t('Printed by {0} other outlets:', copies.length));
    for (const copy of copies) {
      lines.push(`- ${commandLink(ctx.outletOf(copy.path), HOVER_COMMANDS.open, { path: copy.path, start: copy.start, end: copy.end })}: ${differencesMarkdown(copy, ctx)}`);
    }
  }
  return lines.join('\n');
}

export function sharedHoverMarkdown(path: string, passage: ReportShared, comparisons: readonly ComparisonRequest[], ctx: HoverContext): string {
  const lines: string[] = [];
  const outlets = new Set(passage.matches.map((m) => ctx.outletOf(m.path)));
  lines.push(`**${escapeMarkdown(ctx.t('Shared passage'))}** — ${escapeMarkdown(outlets.size === 1 ? ctx.t('1 other outlet') : ctx.t('{0} other outlets', outlets.size))}`);
  lines.push('', `| ${ctx.t('Outlet')} | ${ctx.t('Similarity')} | |`, '|:--|--:|:--|');
  for (const comparison of comparisons.slice().sort((a, b) => b.similarity - a.similarity)) {
    const outlet = ctx.outletOf(comparison.right.path);
    const isOrigin = passage.origin?.path === comparison.right.path ? ` (${ctx.t('likely origin')})` : '';
    lines.push(`| ${commandLink(outlet, HOVER_COMMANDS.open, comparison.right)}${escapeMarkdown(isOrigin)} | ${percent(comparison.similarity)} | ${commandLink(ctx.t('Compare'), HOVER_COMMANDS.compare, comparison)} |`);
  }
  if (passage.origin) {
    const origin = passage.origin.path === path ? ctx.t('this article') : ctx.outletOf(passage.origin.path);
    lines.push('', `${ctx.t('Likely origin')}: **${escapeMarkdown(origin)}** (${escapeMarkdown(passage.origin.why)})`);
  }
  return lines.join('\n');
}

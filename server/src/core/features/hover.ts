import type { PaperList } from '../model';
import type { Span } from '../text';
import { copiesOf, entryAt, sectionPath } from './entries';

/** Where one copy of a paper stands. */
export interface PaperCopy {
  line: number;
  span: Span;
  section: string;
  /** The GitHub anchor of the copy's section, when it has a heading. */
  slug?: string;
  /** Whether this is the copy under the cursor. */
  current: boolean;
}

/** What a hover shows about the paper under the cursor. */
export interface PaperCard {
  /** The span the hover belongs to: the whole entry. */
  span: Span;
  title?: string;
  authors?: string;
  venue?: string;
  year?: number;
  arxivId?: string;
  /** The month the arXiv id was assigned, such as "March 2022". */
  arxivMonth?: string;
  doi?: string;
  links: { label: string; url: string }[];
  copies: PaperCopy[];
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The month an arXiv id encodes: `2203.02155` and `cs/0701001` both start with YYMM. */
export function arxivMonth(id: string): string | undefined {
  const match = /(?:^|\/)(\d{2})(\d{2})/.exec(id);
  if (!match) return undefined;
  const yy = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  // arXiv started in 1991, so two-digit years from 91 on are in the 1900s.
  const year = yy >= 91 ? 1900 + yy : 2000 + yy;
  return `${monthNames[month - 1]} ${year}`;
}

/** The paper card for the entry under the cursor, or undefined when the cursor is not on an entry. */
export function paperCardAt(list: PaperList, offset: number): PaperCard | undefined {
  const entry = entryAt(list, offset);
  if (!entry) return undefined;
  return {
    span: entry.span,
    title: entry.title?.text,
    authors: entry.authors?.text,
    venue: entry.venue?.text,
    year: entry.year?.value,
    arxivId: entry.arxivId,
    arxivMonth: entry.arxivId ? arxivMonth(entry.arxivId) : undefined,
    doi: entry.doi,
    links: entry.links.map((link) => ({ label: link.label, url: link.url })),
    copies: copiesOf(list, entry).map((copy) => ({
      line: copy.line,
      span: copy.span,
      section: sectionPath(copy.section) || '(before the first heading)',
      slug: copy.section.heading?.slug,
      current: copy === entry,
    })),
  };
}

/** Escapes text for markdown so that titles with `*`, `_` or brackets show as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (ch) => `\\${ch}`);
}

/** Renders a card as markdown; `lineLink` turns a zero-based line into a link target. */
export function renderPaperCard(card: PaperCard, lineLink: (line: number) => string): string {
  const parts: string[] = [];
  parts.push(`**${escapeMarkdown(card.title ?? '(no title)')}**`);
  const byline = [card.authors && `*${escapeMarkdown(card.authors)}*`, card.venue && escapeMarkdown(card.venue), card.year].filter(Boolean).join(' · ');
  if (byline) parts.push(byline);
  if (card.arxivId) parts.push(`arXiv [${card.arxivId}](https://arxiv.org/abs/${card.arxivId})${card.arxivMonth ? ` (${card.arxivMonth})` : ''}`);
  if (card.doi) parts.push(`DOI [${escapeMarkdown(card.doi)}](https://doi.org/${card.doi})`);
  if (card.links.length) parts.push(card.links.map((link) => `[${escapeMarkdown(link.label || 'link')}](${link.url.replace(/[()\s]/g, encodeURIComponent)})`).join(' · '));
  const listed = card.copies.map(
    (copy) => `- [${escapeMarkdown(copy.section)}](${lineLink(copy.line)}) (line ${copy.line + 1})${copy.current ? ' ← here' : ''}`,
  );
  parts.push(`Listed in ${card.copies.length} section${card.copies.length === 1 ? '' : 's'}:\n\n${listed.join('\n')}`);
  return parts.join('\n\n');
}

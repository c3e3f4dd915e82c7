import type { BlockCache } from './parseList';
import type { Block } from './blocks';
import type { LineIndex, Span } from './text';

/** A piece of text in the document with its span. */
export interface Field extends Span {
  text: string;
}

/** One link of an entry, such as `[[Paper](https://…)]`. */
export interface EntryLink {
  label: string;
  url: string;
  /** The link itself, `[Paper](url)`. */
  span: Span;
  /** The label's text between its brackets. */
  labelSpan: Span;
  /** The URL between the parentheses. */
  urlSpan: Span;
  /** The link with the brackets around it that belong to it. */
  group: Span;
  /** Whether a `[` stands right before the link and a `]` right after it. */
  openBracket: boolean;
  closeBracket: boolean;
}

/** Any link, image or HTML `href` in the document, for the rules that follow links. */
export interface DocumentLink {
  kind: 'link' | 'image' | 'html';
  url: string;
  span: Span;
  urlSpan: Span;
}

export type TitleStyle = 'bold' | 'link' | 'quoted' | 'plain' | 'cell';

/** No bold title; `**` never closed; nothing between the markers; markers that pair up but do not render. */
export type TitleProblem = 'missing' | 'unclosed' | 'empty' | 'broken';

/** The fields of one list item that looks like a paper, with spans into the document. */
export interface EntryFields {
  /** The title's text, its span without the `**` markers, and the span with them. */
  title?: Field & { outer: Span };
  titleProblem?: TitleProblem;
  /**
   * How the title is written: in bold, as a link (`[Title](url)`), in quotes (`"Title"` after a bold
   * nickname), as plain text up to the first venue, link or sentence end, or as a table cell.
   */
  titleStyle?: TitleStyle;
  authors?: Field & { outer: Span };
  /** Authors in italics, `*Wang et al.*`, or as plain text found by their name pattern. */
  authorsStyle?: 'italic' | 'plain';
  /** The text between the authors (or the title) and the first link, where venue and year live. */
  tail: Span;
  venue?: Field;
  year?: Field & { value: number };
  /** A number where the year should be that is not a four-digit year. */
  badYear?: Field;
  /** A date before the title, as `[2023/05]` or `2023.5`. */
  date?: Field & { year: number; month?: number };
  /** A short name before the title, as `<u>GPT-3</u>:`; its text without markup. */
  leadName?: Field;
  /** Whether the title stands in quotes inside the bold, `**"Title"**`; the title's span is then inside them. */
  titleQuoted: boolean;
  /** The URL of a title written as a link, `**[Title](url)**` or `[Title](url)`. */
  titleUrl?: Field;
  /** Whether the authors stand on the item's first line or on an indented line of their own. */
  authorsLine?: 'same' | 'next';
  /** Where the period after the authors stands: `*Wang et al.*` inside, `*Wang et al*.` outside. */
  authorsPeriod?: 'inside' | 'outside' | false;
  /** Whether the venue stands inside the authors' italics, `*Wang et al. arXiv.*`. */
  venueInAuthors: boolean;
  /** Whether a period follows the title (inside or outside the bold), and the year; undefined when absent. */
  periodAfterTitle?: 'inside' | 'outside' | false;
  periodAfterYear?: boolean;
  links: EntryLink[];
  /**
   * A title with links but no other sign of a paper, such as `- [Title](url)`: a paper when most items
   * of its list are papers, a link to anything otherwise.
   */
  candidate?: boolean;
}

export interface Entry extends EntryFields {
  /** Position in document order among all entries. */
  index: number;
  /** The whole list item. */
  span: Span;
  line: number;
  /** The list item's number and its span, for numbered lists. */
  number?: Field & { value: number };
  listId: number;
  section: Section;
  arxivId?: string;
  doi?: string;
  /** What makes two entries the same paper: `arxiv:ID`, `doi:ID` or `title:normalised title`. */
  identity: string;
}

export interface Heading {
  level: number;
  /** The heading's plain text, as GitHub renders it. */
  text: string;
  span: Span;
  line: number;
  /** The GitHub anchor of this heading, with `-1` suffixes for repeats. */
  slug: string;
}

export interface Section {
  id: number;
  /** Undefined for the document's root, which holds what stands before the first heading. */
  heading?: Heading;
  level: number;
  title: string;
  /** From the heading to the start of the next heading of the same or a higher level. */
  span: Span;
  parent?: Section;
  children: Section[];
  /** The entries directly under this heading. */
  entries: Entry[];
  /** What the section lists, by its heading: papers, other resources (data sets, tools), or nothing (news). */
  holds?: 'papers' | 'resources' | 'none';
}

/** One markdown list: the items that CommonMark would put into the same list. */
export interface ListGroup {
  id: number;
  ordered: boolean;
  items: Block[];
  /** The entries among the items. */
  entries: Entry[];
  section: Section;
}

/** An HTML comment that turns rules off, parsed from the document. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  codes: string[];
  line: number;
}

/** Where a text differs from the text parsed before it with the same cache. */
export interface TextChange {
  /** The `parse` number of the list parsed before. */
  since: number;
  /** The span of the new text that differs; outside it the two texts are the same, the end moved by the change in length. */
  start: number;
  end: number;
}

/** The typed model of a paper list: its blocks, heading tree, entries and lists. */
export interface PaperList {
  text: string;
  lines: LineIndex;
  blocks: Block[];
  root: Section;
  sections: Section[];
  headings: Heading[];
  entries: Entry[];
  lists: ListGroup[];
  links: DocumentLink[];
  directives: Directive[];
  /** What is kept across parses of this document: see docs/architecture.md, "What survives an edit". */
  cache: BlockCache;
  /** The number of this parse among the parses with the same cache, counting from 1. */
  parse: number;
  /** What changed since the last parse with the same cache, when there was one. */
  edited?: TextChange;
}

/** A markdown document with fewer entries than this is ordinary markdown, not a paper list. */
export const minimumPaperListEntries = 3;

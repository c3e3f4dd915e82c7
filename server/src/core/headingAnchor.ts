// The anchors GitHub gives headings. GitHub slugs the heading's rendered text, in which an image is no
// text: `# Awesome-X [![Awesome](badge.svg)](https://awesome.re)` has the anchor `#awesome-x-`, while
// mdast-util-to-string, which gives Heading.text, includes the alt text ("awesome-x-awesome").
import type { Heading as MdHeading, Nodes, Root } from 'mdast';
import { slug } from 'github-slugger';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { memoPerString } from './memo';
import type { Heading } from './model';

const processor = unified().use(remarkParse);

/** The text of a node as GitHub's rendering has it: without images' alt text and without HTML tags. */
export function anchorTextOf(node: Nodes): string {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(anchorTextOf).join('');
  return '';
}

/** Whether a heading's source may hold text that GitHub leaves out of its anchor: an image or an HTML tag. */
export function mayDifferFromPlainText(source: string): boolean {
  return source.includes('![') || source.includes('<');
}

/** The text GitHub slugs for a heading written as `source` (an ATX or setext heading, markers included). */
export function headingAnchorText(source: string): string | undefined {
  const tree = processor.parse(source) as Root;
  const heading = tree.children.find((node): node is MdHeading => node.type === 'heading');
  return heading ? anchorTextOf(heading) : undefined;
}

/**
 * A heading's anchor before any `-1` suffix, kept by its source (markers included): slugging every heading
 * on every lint would cost more than the rest of the rule. Its plain text follows from the source.
 */
const anchorBaseOf = memoPerString((source: string, plainText: string) => slug(mayDifferFromPlainText(source) ? (headingAnchorText(source) ?? plainText) : plainText), 10_000);

/**
 * The anchor of each heading, in document order, with `-1`, `-2` for repeats as GitHub counts them. Only
 * headings whose source holds an image or HTML are parsed again; the rest slug their plain text.
 */
export function headingAnchors(text: string, headings: readonly Heading[]): string[] {
  const occurrences = new Map<string, number>();
  return headings.map((heading) => {
    const base = anchorBaseOf(text.slice(heading.span.start, heading.span.end), heading.text);
    let result = base;
    while (occurrences.has(result)) {
      const count = occurrences.get(base)! + 1;
      occurrences.set(base, count);
      result = `${base}-${count}`;
    }
    occurrences.set(result, 0);
    return result;
  });
}

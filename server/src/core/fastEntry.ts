import type { Emphasis, Link, Paragraph, PhrasingContent, Strong, Text } from 'mdast';

/**
 * A fast reader for the one shape most paper entries have, on one line and with no markup that
 * needs CommonMark's full rules:
 *
 *     3. **Title**. *Wang et al.* arXiv 2022. [[Paper](https://…)][[Data](https://…)]
 *
 * It builds the same inline nodes remark would (strong, emphasis, links, the text between), with
 * offsets into the item's text, and answers undefined for anything else, which then goes to remark.
 * A test compares it with remark on every item of the real lists.
 */
export function fastParagraph(text: string): Paragraph | undefined {
  const length = text.length;
  if (!length || isSpace(text.charCodeAt(length - 1))) return undefined;
  let at = 0;
  while (text.charCodeAt(at) === 32) at++;
  // The marker: up to nine digits and `.` or `)`, or a bullet, then one to four spaces.
  const markerStart = at;
  while (isDigit(text.charCodeAt(at))) at++;
  if (at > markerStart) {
    if (at - markerStart > 9 || (text[at] !== '.' && text[at] !== ')')) return undefined;
    at++;
  } else if (text[at] === '-' || text[at] === '+' || text[at] === '*') at++;
  else return undefined;
  const gapStart = at;
  while (text.charCodeAt(at) === 32) at++;
  if (at === gapStart || at - gapStart > 4) return undefined;

  const contentStart = at;
  if (!text.startsWith('**', at)) return undefined;
  const titleEnd = text.indexOf('**', at + 2);
  if (titleEnd === -1 || !plainRun(text, at + 2, titleEnd) || !closesAt(text, titleEnd + 2)) return undefined;
  const children: PhrasingContent[] = [node<Strong>('strong', at, titleEnd + 2, [textNode(text, at + 2, titleEnd)])];
  at = titleEnd + 2;

  let textStart = at;
  let emphasisSeen = false;
  const flushText = (end: number) => {
    if (end > textStart) children.push(textNode(text, textStart, end));
  };
  while (at < length) {
    const ch = text[at];
    if (ch === '*') {
      if (emphasisSeen || text[at - 1] !== ' ') return undefined;
      const close = text.indexOf('*', at + 1);
      if (close === -1 || !plainRun(text, at + 1, close) || !closesAt(text, close + 1)) return undefined;
      flushText(at);
      children.push(node<Emphasis>('emphasis', at, close + 1, [textNode(text, at + 1, close)]));
      emphasisSeen = true;
      at = close + 1;
      textStart = at;
    } else if (ch === '[') {
      // `[[Label](url)]` or `[Label](url)`: the outer brackets stay text, as remark leaves them.
      const linkStart = text[at + 1] === '[' ? at + 1 : at;
      const labelEnd = text.indexOf(']', linkStart + 1);
      if (labelEnd === -1 || labelEnd === linkStart + 1 || !labelRun(text, linkStart + 1, labelEnd) || text[labelEnd + 1] !== '(') return undefined;
      const urlStart = labelEnd + 2;
      let urlEnd = urlStart;
      while (urlEnd < length && urlCharacter(text.charCodeAt(urlEnd))) urlEnd++;
      if (urlEnd === urlStart || text[urlEnd] !== ')' || /&#?[a-z0-9]+;/i.test(text.slice(urlStart, urlEnd))) return undefined;
      const after = text[urlEnd + 1];
      if (after === '(' || (after === ']' && text[urlEnd + 2] === '(')) return undefined;
      flushText(linkStart);
      const link = node<Link>('link', linkStart, urlEnd + 1, [textNode(text, linkStart + 1, labelEnd)]);
      link.url = text.slice(urlStart, urlEnd);
      link.title = null;
      children.push(link);
      at = urlEnd + 1;
      textStart = at;
      if (text[at] === ']') at++;
    } else if (plainCharacter(text.charCodeAt(at)) || (ch === ']' && text[at - 1] === ')')) {
      at++;
    } else {
      return undefined;
    }
  }
  flushText(length);
  return node<Paragraph>('paragraph', contentStart, length, children);
}

function node<T extends { type: string; position?: unknown }>(type: T['type'], start: number, end: number, children?: PhrasingContent[]): T {
  return { type, children, position: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } } } as unknown as T;
}

function textNode(text: string, start: number, end: number): Text {
  const result = node<Text>('text', start, end);
  delete (result as { children?: unknown }).children;
  result.value = text.slice(start, end);
  return result;
}

const isSpace = (code: number) => code === 32 || code === 9;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Characters that are text to CommonMark wherever they stand, as long as no `&name;` forms an entity. */
function plainCharacter(code: number): boolean {
  return (
    code >= 32 &&
    code !== 42 && // *
    code !== 95 && // _
    code !== 96 && // `
    code !== 60 && // <
    code !== 92 && // \
    code !== 91 && // [
    code !== 93 && // ]
    code !== 33 && // !
    code !== 38 // &
  );
}

/** A run of plain text inside `**…**` or `*…*`: not empty and without white space at either end. */
function plainRun(text: string, start: number, end: number): boolean {
  if (end <= start || isSpace(text.charCodeAt(start)) || isSpace(text.charCodeAt(end - 1))) return false;
  for (let at = start; at < end; at++) if (!plainCharacter(text.charCodeAt(at))) return false;
  return true;
}

function labelRun(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!plainCharacter(text.charCodeAt(at))) return false;
  return true;
}

/** Whether closing markers end right before `at`: at the end, or before white space or simple punctuation. */
function closesAt(text: string, at: number): boolean {
  const next = text[at];
  return next === undefined || next === ' ' || next === '.' || next === ',' || next === ';' || next === ':';
}

/** Characters a URL may hold here without needing CommonMark's rules for spaces, brackets or escapes. */
function urlCharacter(code: number): boolean {
  return code > 32 && code !== 40 && code !== 41 && code !== 60 && code !== 62 && code !== 91 && code !== 93 && code !== 92 && code !== 127;
}

// Whether a fix changes only how an entry is written, not what it says: the letters and digits of every
// changed line stay the same, leaving aside the list-marker number and stripped tracking parameters.
import type { Fix, TextEdit } from './rule';

/** The two ways a safe fix may change what a line says; a fix declares which one it makes. */
export type MeaningChange = Exclude<NonNullable<Fix['changesMeaning']>, 'generated-region'>;

export interface InvariantOptions {
  /** Extra tracking parameters, as in the config: exact names, or prefixes ending in `*`. */
  trackingParameters?: readonly string[];
}

/** Kept in step with url-tracking's defaults: only these may leave a URL without changing what the entry says. */
const trackingNames = ['fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'igshid', 'trk', 'trkcampaign', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'ref_src', 'spm'];
const trackingPrefixes = ['utm_'];
/** `si` is a share id only on these hosts, as url-tracking has it. */
const shareIdHost = /^https?:\/\/(?:[^/?#]*\.)?(?:youtube\.com|youtu\.be|spotify\.com)(?:[:/?#]|$)/i;

/** A list marker's number with what may stand before it: indentation and blockquote markers. */
const markerPattern = /^([ \t>]*)\d{1,9}([.)])(?=[ \t]|$)/;
/** A URL with a query, as it stands in markdown. */
const urlPattern = /https?:\/\/[^\s()<>"'\]]*\?[^\s()<>"'\]]*/gi;
/** One query parameter of a URL, with the `?` or `&` before it, up to a `#`. */
const parameterPattern = /([?&])([^\s=&#]+)(=[^\s&#]*)?/g;
const notLetterOrDigit = /[^\p{L}\p{N}]+/gu;

function isTracking(name: string, url: string, options: InvariantOptions): boolean {
  let key = name.toLowerCase();
  try {
    key = decodeURIComponent(key);
  } catch {
    // A malformed escape stays as written.
  }
  if (trackingNames.includes(key) || trackingPrefixes.some((prefix) => key.startsWith(prefix))) return true;
  if (key === 'si' && shareIdHost.test(url)) return true;
  return (options.trackingParameters ?? []).some((configured) => {
    const lower = configured.toLowerCase();
    return lower.endsWith('*') ? key.startsWith(lower.slice(0, -1)) : key === lower;
  });
}

/** The line without its marker number and tracking parameters, which a fix may change freely. */
function setAside(line: string, options: InvariantOptions): string {
  const unmarked = line.replace(markerPattern, '$1$2');
  if (!unmarked.includes('?') && !unmarked.includes('&')) return unmarked;
  return unmarked.replace(urlPattern, (url) => {
    const hash = url.indexOf('#');
    const query = hash === -1 ? url : url.slice(0, hash);
    const kept = query.replace(parameterPattern, (whole, _separator: string, name: string) => (isTracking(name, url, options) ? '' : whole));
    return hash === -1 ? kept : kept + url.slice(hash);
  });
}

/** What a line says: its letters and digits, lower-cased, without the marker number and tracking parameters. */
export function meaningOf(line: string, options: InvariantOptions = {}): string {
  return setAside(line, options).replace(notLetterOrDigit, '').toLowerCase();
}

/** The line's words of letters and digits, lower-cased, for telling which word a change touched. */
function wordsOf(line: string, options: InvariantOptions): string[] {
  return setAside(line, options).toLowerCase().split(notLetterOrDigit).filter(Boolean);
}

const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

/**
 * Whether the letters and digits stay the same on every line: line by line when the line count is
 * unchanged, else over the whole text.
 */
export function keepsMeaning(before: string, after: string, options: InvariantOptions = {}): boolean {
  if (before === after) return true;
  const beforeLines = splitLines(before);
  const afterLines = splitLines(after);
  if (beforeLines.length !== afterLines.length) return meaningOf(before, options) === meaningOf(after, options);
  return beforeLines.every((line, i) => line === afterLines[i] || meaningOf(line, options) === meaningOf(afterLines[i], options));
}

/** The optimal-string-alignment distance capped at 2: enough to tell one edit from more. */
function isOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length + middleB.length === 1) return true;
  if (middleA.length === 1 && middleB.length === 1) return true;
  return middleA.length === 2 && middleB.length === 2 && middleA[0] === middleB[1] && middleA[1] === middleB[0];
}

/** `Dataset` and `datasets`, `Study` and `Studies`: a plural is another word, not a misspelling. */
export function isPluralPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a.toLowerCase(), b.toLowerCase()] : [b.toLowerCase(), a.toLowerCase()];
  return long === `${short}s` || long === `${short}es` || (short.endsWith('y') && long === `${short.slice(0, -1)}ies`);
}

const yearPattern = /^(?:19|20)\d\d$/;
const lettersPattern = /^\p{L}+$/u;

/** Whether the lines differ in exactly one word and that word changed in the way the exception allows. */
function isAllowedChange(before: string, after: string, change: MeaningChange, options: InvariantOptions): boolean {
  const beforeWords = wordsOf(before, options);
  const afterWords = wordsOf(after, options);
  if (beforeWords.length !== afterWords.length) return false;
  const changed = beforeWords.flatMap((word, i) => (word === afterWords[i] ? [] : [i]));
  if (changed.length !== 1) return false;
  const [from, to] = [beforeWords[changed[0]], afterWords[changed[0]]];
  if (change === 'arxiv-year') return yearPattern.test(from) && yearPattern.test(to);
  return lettersPattern.test(from) && lettersPattern.test(to) && isOneEdit(from, to) && !isPluralPair(from, to);
}

/**
 * Whether the text after a fix says what it said before, or differs only by the declared exception:
 * for `arxiv-year` one year turned into another, for `label-spelling` one word of letters that is one
 * letter off and no plural of the other.
 */
export function keepsMeaningOrAllowed(before: string, after: string, change: MeaningChange | undefined, options: InvariantOptions = {}): boolean {
  if (keepsMeaning(before, after, options)) return true;
  if (!change) return false;
  const beforeLines = splitLines(before);
  const afterLines = splitLines(after);
  if (beforeLines.length !== afterLines.length) return isAllowedChange(before, after, change, options);
  return beforeLines.every(
    (line, i) => meaningOf(line, options) === meaningOf(afterLines[i], options) || isAllowedChange(line, afterLines[i], change, options),
  );
}

/** The start of the line that holds the offset. */
function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

/** The end of the line that holds the offset, before its break. */
function lineEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

/**
 * Whether a fix's edits keep the meaning of every line they change, or change it only as the fix's
 * declared exception allows. Edits are taken in groups of the lines they touch, so that a fix with
 * edits all over the list (a renumbering) costs one short comparison per edit.
 */
export function editsKeepMeaning(text: string, edits: readonly TextEdit[], change?: MeaningChange, options: InvariantOptions = {}): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let i = 0;
  while (i < sorted.length) {
    const start = lineStart(text, sorted[i].start);
    let end = lineEnd(text, sorted[i].end);
    let j = i + 1;
    while (j < sorted.length && sorted[j].start <= end) end = Math.max(end, lineEnd(text, sorted[j++].end));
    let after = '';
    let position = start;
    for (const edit of sorted.slice(i, j)) {
      // Overlapping edits are not applied together (see applyEdits), so they are left out here too.
      if (edit.start < position) continue;
      after += text.slice(position, edit.start) + edit.newText;
      position = edit.end;
    }
    after += text.slice(position, end);
    if (!keepsMeaningOrAllowed(text.slice(start, end), after, change, options)) return false;
    i = j;
  }
  return true;
}

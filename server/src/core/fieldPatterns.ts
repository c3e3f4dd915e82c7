// What the parts of a paper entry look like in any house style: venue names and tags with their year,
// dates, two-digit years and author names. The entry reader (parseBlock.ts) uses these to read an
// entry's parts by what they are rather than by where one house style puts them.
import { trimWhere } from './text';

/**
 * Venue names common enough to recognise without a year beside them. A tag with a year, such as
 * `[Foo 2023]`, is a venue tag whatever its name; this list is for the bare ones, as `[[IROS](url)]`.
 */
const venueNames = [
  'arxiv', 'preprint', 'biorxiv', 'medrxiv', 'chemrxiv', 'corr', 'ssrn',
  'neurips', 'nips', 'icml', 'iclr', 'colt', 'uai', 'aistats', 'jmlr', 'tmlr', 'colm', 'mlsys', 'sysml',
  'cvpr', 'iccv', 'eccv', 'wacv', 'bmvc', 'accv', '3dv', 'icip', 'tpami', 'pami', 'ijcv', 'tip', 'tog', 'siggraph', 'tvcg', 'vis', 'eurovis', 'pacificvis', 'chi', 'uist', 'iui', 'cscw', 'iva',
  'acl', 'emnlp', 'naacl', 'eacl', 'coling', 'conll', 'tacl', 'lrec', 'findings', 'interspeech', 'icassp',
  'aaai', 'ijcai', 'kdd', 'www', 'wsdm', 'sigir', 'cikm', 'recsys', 'icdm', 'sdm', 'tkde', 'ecml', 'pkdd',
  'iros', 'icra', 'rss', 'corl', 'humanoids', 'ral', 'ra-l', 'tro', 't-ro', 'ijrr', 'scirobotics',
  'sigmod', 'vldb', 'pvldb', 'icde', 'cidr', 'osdi', 'sosp', 'nsdi', 'atc', 'eurosys', 'asplos', 'isca', 'micro', 'hpca', 'dac', 'fast', 'socc', 'podc', 'ppopp', 'sc',
  'ccs', 'ndss', 'usenix', 'oakland', 'sp', 'asiaccs', 'raid', 'fse', 'icse', 'ase', 'issta', 'pldi', 'popl', 'oopsla',
  'eurographics', 'nature', 'science', 'cell', 'pnas', 'bioinformatics', 'ismb', 'recomb', 'miccai', 'nar', 'plos', 'elife',
  'mm', 'acmmm', 'icme', 'tmm', 'tnnls', 'tcyb', 'neurocomputing',
];
const venueNameSet = new Set(venueNames);

/** Whether a word is a venue name this reader knows, in any case. */
export function isVenueName(word: string): boolean {
  return venueNameSet.has(word.toLowerCase().replace(/['’]$/, ''));
}

/** A four-digit year from 1900 to 2099, not part of a longer number, an arXiv id or a version. */
export const fourDigitYear = /(?<![\p{L}\p{N}_@]|\d\.)(?:19|20)\d{2}(?![\p{L}\p{N}_]|\.\d{3})/u;

/** A two-digit year after a venue name: `IVA '20`, `CVPR' 19`, `ACL'23`, `NAACL’21`. */
export const twoDigitYear = /(?<=\p{L})\s?['’]\s?(\d{2})(?![\p{L}\p{N}])/u;

/** The four-digit year of a two-digit one, with the century that keeps it from the future. */
export function yearOfTwoDigits(digits: string, currentYear: number): number {
  const value = Number(digits);
  return 2000 + value <= currentYear + 1 ? 2000 + value : 1900 + value;
}

/**
 * A venue tag with its year (or a known venue alone), as it stands before or after a title: the text
 * inside brackets or parentheses, maybe in bold or italics: `[ICLR 2024]`, `(CVPR 2023)`, `[2023 Nature]`,
 * `*NAACL'21*`, `[Arxiv 2024.10]`, `ICCV' 17`.
 */
export function venueTagOf(inner: string, currentYear: number): { venue: string; year?: number; month?: number } | undefined {
  const text = inner.replace(/[*_`]/g, '').trim();
  if (!text || text.length > 120 || /[[\]]|https?:|www\./.test(text)) return undefined;
  // `(Mar., 2024 | ECCV 2024)`: a date and a venue; the piece that names a venue wins.
  if (text.includes('|')) {
    const pieces = text.split('|').map((piece) => venueTagOf(piece, currentYear)).filter((tag) => tag !== undefined);
    return pieces.find((tag) => tag.venue && tag.year !== undefined) ?? pieces.find((tag) => tag.year !== undefined) ?? pieces[0];
  }
  // A tag that starts with its year may say more after the venue: `[2023 arxiv multimodalities]`.
  const yearFirst = /^((?:19|20)\d{2})(?:[./-](\d{1,2}))?\s+(\S.*)$/u.exec(text);
  if (yearFirst && /^[^\s,]+/.test(yearFirst[3])) {
    const month = yearFirst[2] === undefined ? undefined : Number(yearFirst[2]);
    return { venue: yearFirst[3].split(/[\s,(]+/)[0], year: Number(yearFirst[1]), month: month && month <= 12 ? month : undefined };
  }
  if (text.length > 48 || /[()<>]/.test(text)) return undefined;
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length > 6) return undefined;
  const date = /(?<![\p{L}\p{N}._@])((?:19|20)\d{2})(?:[./-](\d{1,2}))?(?![\p{N}])/u.exec(text);
  if (date) {
    const joined = (text.slice(0, date.index) + text.slice(date.index + date[0].length)).replace(/\s+/g, ' ');
    const venue = trimWhere(joined, (ch) => /[\s,.:;-]/.test(ch));
    // A tag is a handful of short words; a sentence with a year in it is not a tag.
    if (venue && !venue.split(/\s+/).every((word) => word.length <= 16 && !/^(?:we|the|a|an|is|are|our|release|released|accepted)$/i.test(word))) return undefined;
    const month = date[2] === undefined ? undefined : Number(date[2]);
    // `(Feb., 2026)` is a date: a month is no venue.
    if (monthName.test(venue)) return { venue: '', year: Number(date[1]), month: month && month <= 12 ? month : undefined };
    return { venue, year: Number(date[1]), month: month && month <= 12 ? month : undefined };
  }
  const short = twoDigitYear.exec(text);
  if (short) {
    const venue = text.slice(0, short.index).trim();
    if (!venue || words.length > 3) return undefined;
    return { venue, year: yearOfTwoDigits(short[1], currentYear) };
  }
  // A venue glued to its year, `IntellManuf2020`, but not a user name, `@XinGuo2002`.
  const glued = /(?:^|\s)([A-Za-z][A-Za-z&@.-]*?)((?:19|20)\d{2})(?=\s|$)/.exec(text);
  if (glued && words.length <= 4) return { venue: glued[1], year: Number(glued[2]) };
  // `CHEOPS 22`: a venue and the last two digits of its year.
  const spaced = /^([A-Za-z][\w&-]*)\s+(\d{2})$/.exec(text);
  if (spaced && (isVenueName(spaced[1]) || /^[A-Z]{2,}$/.test(spaced[1]))) return { venue: spaced[1], year: yearOfTwoDigits(spaced[2], currentYear) };
  if (words.length <= 3 && words.some((word) => isVenueName(word))) return { venue: text };
  return undefined;
}

/** A month's name alone, `Mar.`, `March`, `Sept`. */
const monthName = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]{0,6})\.?$/i;

/** A date: `2023/05/12`, `2023.5`, `2023-05`, with its year and month. */
export const datePattern = /(?<![\p{L}\p{N}._@])((?:19|20)\d{2})[./-](0?[1-9]|1[0-2])(?:[./-](\d{1,2}))?(?![\p{N}]|\.\d)/u;

/** A month name, for dates such as `Feb., 2026` or `July 2023`. */
const monthNames = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b/i;

/** The first year in a piece of text that is not a title: a date, a year, a two-digit venue year. */
export function findYear(text: string, currentYear: number): { index: number; length: number; value: number; month?: number } | undefined {
  let best: { index: number; length: number; value: number; month?: number } | undefined;
  const consider = (index: number, length: number, value: number, month?: number) => {
    if (value > currentYear + 1) return;
    if (!best || index < best.index) best = { index, length, value, month };
  };
  const date = datePattern.exec(text);
  if (date) consider(date.index, date[0].length, Number(date[1]), Number(date[2]));
  const named = monthNames.exec(text);
  if (named) consider(named.index + named[0].length - 4, 4, Number(named[2]));
  const year = fourDigitYear.exec(text);
  if (year) consider(year.index, 4, Number(year[0]));
  const short = twoDigitYear.exec(text);
  if (short) consider(short.index, short[0].length, yearOfTwoDigits(short[1], currentYear));
  return best;
}

/** Words that stand between names without being names. */
const nameParticles = new Set(['van', 'von', 'de', 'der', 'den', 'di', 'da', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ten', 'ter', 'y', 'zu', "d'"]);

/** A name without the marks after it that point to affiliations, `Liang Zhang*`, `Bo Li†1`. */
function trimMarks(part: string): string {
  let end = part.length;
  while (end > 0 && '*\u2217†‡§¶#0123456789'.includes(part[end - 1])) end--;
  return part.slice(0, end);
}

/** Whether one part of an author list looks like a person's name: `D. Kingma`, `Liang Zhang*`, `Rémi Monasson`. */
function isName(part: string): boolean {
  const words = trimMarks(part).replace(/\([^()]*\)/g, '').trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 5) return false;
  let capitals = 0;
  for (const word of words) {
    if (nameParticles.has(word.toLowerCase())) continue;
    // An initial (`D.`, `J.-P.`), or a capitalised word that may hold hyphens and apostrophes.
    if (/^(?:\p{Lu}\.)(?:-?\p{Lu}\.)*$/u.test(word) || /^\p{Lu}[\p{L}\p{M}'’.-]*[*\u2217†‡\d]*$/u.test(word)) capitals++;
    else return false;
  }
  return capitals > 0;
}

/**
 * Whether a piece of text is a list of authors: `et al.`, or two or more names joined by commas, `and`
 * or `&`, or one name on a line of its own. A title, a venue or a sentence is not: they hold words in lower case, colons or digits.
 */
export function looksLikeAuthors(raw: string, ownLine = false): boolean {
  // The common cases first, cheaply: `Wang et al.`, or a venue with its year.
  if (/\bet\.? ?al\b/i.test(raw) && !fourDigitYear.test(raw) && /^[\s,.;:*_]*\p{Lu}/u.test(raw)) return !/[?!|[\]]|https?:/.test(raw);
  if (fourDigitYear.test(raw)) return false;
  const spaced = raw.replace(/<[^<>]*>|[\u200b-\u200d\ufeff]/g, ' ').replace(/\s+/g, ' ');
  const text = trimWhere(trimWhere(spaced, (ch) => ' ,.;:*_'.includes(ch), true), (ch) => ' ,.;*_'.includes(ch), false);
  // Names hold no years, and a venue or a month is not a name: `Preprint, October 2023` is no author list.
  if (!text || text.length > 2000 || /[?!|[\]]|https?:/.test(text) || fourDigitYear.test(text)) return false;
  if (/\bet\.? ?al\b|,\s*others$/i.test(text)) return /^\p{Lu}/u.test(text);
  const parts = text.split(/,|;|\band\b|&/).map((part) => part.trim()).filter(Boolean);
  // A colon belongs to titles and venues (`Robotics: Science and Systems`), not to a short author list.
  if (text.includes(':') && parts.length < 5) return false;
  // One name alone is an author only on a line of its own, `Mohammed AlQuraishi.` under the title.
  if (parts.length === 1) return ownLine && /\s/.test(parts[0]) && isName(parts[0]) && !parts[0].split(/\s+/).some(isVenueName);
  let names = 0;
  // A one-word part is a name only on a line of names (`Todorov, Emanuel, Tom, Erez`); in running text it
  // is as likely a system or a word (`MapReduce, Borg, Omega`).
  for (const part of parts) if (isName(part) && !isVenueName(part) && (ownLine || /\S\s+\S/.test(part))) names++;
  // Most parts are names; a mangled one (`Tom ́as Lozano-P ́erez`) does not undo the rest.
  return names >= 2 && names >= 0.6 * parts.length;
}

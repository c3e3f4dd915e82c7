// Inputs for the reliability tests: generated paper lists, mutations of the real lists, and random edits.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';

export const fixtureDir = resolve(__dirname, '../fixtures');

/** The real lists beside the reference list, by file name. */
export const fixtures: Record<string, string> = Object.fromEntries(
  readdirSync(fixtureDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => [name, readFileSync(join(fixtureDir, name), 'utf8')]),
);
export const referenceList = fixtures['alignment-survey.md'];
const fixtureTexts = Object.values(fixtures);

/** A seed for every property: fixed unless PAPERLIST_SEED is set, so that a failure can be replayed. */
export const seed = process.env.PAPERLIST_SEED ? Number(process.env.PAPERLIST_SEED) : 20240611;
/** The soak flag multiplies the number of runs. */
export const soak = process.env.PAPERLIST_SOAK === '1';
export const runs = (normal: number) => (soak ? normal * 20 : normal);

const words = ['Learning', 'to', 'Summarize', 'from', 'Human', 'Feedback', 'Constitutional', 'AI', 'RLHF', 'Scaling', 'Laws', 'Reward', 'Models', 'Über', '日本語', 'naïve', 'Q*', 'GPT-4', 'v2.0'];
const surnames = ['Wang', 'Ouyang', 'Bai', 'Stiennon', 'Ganguli', 'Zhang', 'Christiano', 'Müller', 'O\'Brien'];
const venues = ['arXiv', 'NeurIPS', 'ICML', 'ICLR', 'ACL', 'EMNLP', 'AAAI', 'Nature', ''];
const labels = ['Paper', 'paper', 'Code', 'Data', 'Blog', 'Project', 'Pdf', 'PDF', 'Slides', 'Papr'];
/** Pieces that stress the parser: markdown delimiters, odd white space, non-BMP characters and control characters. */
const noise = ['[', ']', '(', ')', '*', '**', '_', '`', '\\', '<', '>', '<!--', '-->', '#', '|', '\t', '  ', '\r', '\u00a0', '\u200b', '😀', '\ud800', '\u0000', '&amp;', '![', '](', ')]', '[[', ']]', 'et al', 'et. al.'];

const word = fc.constantFrom(...words);
const title = fc.array(word, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const year = fc.oneof(fc.integer({ min: 1990, max: 2027 }).map(String), fc.constantFrom('20xx', '202', '99999', '2O22', ''));
const arxivId = fc.tuple(fc.integer({ min: 7, max: 26 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99999 })).map(
  ([yy, mm, n]) => `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}.${String(n).padStart(5, '0')}`,
);
const url = fc.oneof(
  arxivId.map((id) => `https://arxiv.org/abs/${id}`),
  arxivId.map((id) => `https://arxiv.org/pdf/${id}.pdf`),
  fc.constantFrom(
    'https://github.com/org/repo',
    'https://example.org/paper.pdf?utm_source=twitter&id=3',
    'https://example.org/a b',
    'https://doi.org/10.1145/3442188.3445922',
    'http://x.org/?fbclid=abc#frag',
    '#section',
    '#Introduction',
    './README.md',
    '../missing.md',
    'mailto:a@b.c',
    'javascript:alert(1)',
    '',
    'https://example.org/(nested)',
  ),
);
const link = fc.tuple(fc.constantFrom(...labels), url, fc.constantFrom('[[L](U)]', '[L](U)', '[[L] (U)]', '[[L](U)', '[L](U)]', '[[L]](U)', '[[L](U')).map(
  ([label, target, shape]) => shape.replace('L', label).replace('U', target),
);
const authors = fc.tuple(fc.constantFrom(...surnames), fc.constantFrom(' et al.', 'et al.', ' et al', ' et. al.', '', ', Smith')).map(([name, suffix]) => name + suffix);
const noisePiece = fc.oneof(fc.constantFrom(...noise), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));

/** One entry line in the shape of the real lists, with a chance of broken markup or noise anywhere. */
const entry = fc
  .record({
    marker: fc.constantFrom('1.', '2.', '3.', '10.', '007.', '-', '*', '1)', '999999999.', '1234567890.'),
    indent: fc.constantFrom('', '', '', '  ', '   ', '    ', '\t'),
    title,
    lead: fc.constantFrom('', '', '', '[2023/05] ', '2023.5 ', '[2023] ', '<u>GPT-3</u>: ', '[2023/05] <u>X</u>: '),
    titleShape: fc.constantFrom(
      '**T**.', '**T.**', '**T**', '**T', '****', 'T', '**T*x**.', '**[RLHF] T**.',
      '**"T"**.', '**"T."**', '**\u201cT\u201d**', '**"T**', '**[T](https://arxiv.org/abs/2301.00001)**.', '[T](https://x.org/t).',
    ),
    authors,
    authorShape: fc.constantFrom(' *A*.', ' *A*', ' _A_.', ' A.', '', ' *A arXiv.*', ' *A (MIT) NeurIPS 2023.*'),
    authorsBelow: fc.constantFrom(false, false, false, true),
    separator: fc.constantFrom('', '', ' ', '  '),
    venue: fc.constantFrom(...venues),
    year,
    links: fc.array(link, { maxLength: 4 }),
    noise: fc.array(fc.tuple(fc.nat(), noisePiece), { maxLength: 3 }),
  })
  .map((parts) => {
    const authors = parts.authorShape.replace('A', parts.authors);
    const head = `${parts.indent}${parts.marker} ${parts.lead}${parts.titleShape.replace('T', parts.title)}`;
    const tail = ` ${parts.venue} ${parts.year}. ${parts.links.join(parts.separator)}`;
    // Some lists put the authors on an indented line of their own below the item.
    let line = parts.authorsBelow ? `${head}${tail}\n\n${parts.indent}    ${authors.trim()}\n` : `${head}${authors}${tail}`;
    for (const [at, piece] of parts.noise) {
      const position = at % (line.length + 1);
      line = line.slice(0, position) + piece + line.slice(position);
    }
    return line;
  });

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), title, fc.constantFrom('', ' ', '  ', '\t')).map(([level, text, trailing]) => `${'#'.repeat(level)} ${text}${trailing}`);
const otherLine = fc.constantFrom(
  '',
  '',
  'Some prose about the list.',
  '```',
  '~~~',
  '<!-- paperlist-disable-next-line -->',
  '<!-- paperlist-disable entry-year -->',
  '<!-- paperlist-enable -->',
  '<!--',
  '-->',
  '> quoted',
  '---',
  '===',
  '    indented code',
  '| a | b |',
  '[ref]: https://example.org/ref',
  '<a href="https://example.org/html">x</a>',
  '![img](images/missing.png)',
  '- [Contents](#contents)',
);
const line = fc.oneof({ weight: 6, arbitrary: entry }, { weight: 2, arbitrary: heading }, { weight: 3, arbitrary: otherLine });

/** A whole generated list, LF or CRLF, sometimes with a BOM, sometimes without a final newline. */
export const generatedList = fc
  .tuple(fc.array(line, { minLength: 0, maxLength: 40 }), fc.constantFrom('\n', '\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, finalNewline]) => (bom ? '\ufeff' : '') + lines.join(eol) + (finalNewline ? eol : ''));

/** Characters whose deletion or doubling breaks entries in the ways people break them. */
const fragile = ['[', ']', '(', ')', '*', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_', '`', '#', '\n', ' '];

export type Mutation =
  | { kind: 'delete' | 'double'; char: string; nth: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'shuffle'; from: number; keys: number[] }
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'crlf' | 'lf' | 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'double' as const), char: fc.constantFrom(...fragile), nth: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffle' as const), from: fc.nat(), keys: fc.array(fc.nat(), { minLength: 2, maxLength: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: noisePiece }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('crlf' as const, 'lf' as const, 'bom' as const) }) },
);

/** Applies one mutation; positions are taken modulo the text, so every generated value applies. */
export function mutate(text: string, change: Mutation): string {
  switch (change.kind) {
    case 'delete':
    case 'double': {
      const positions: number[] = [];
      for (let i = text.indexOf(change.char); i !== -1; i = text.indexOf(change.char, i + 1)) positions.push(i);
      if (!positions.length) return text;
      const at = positions[change.nth % positions.length];
      return change.kind === 'delete' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + change.char + text.slice(at);
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = change.a % lines.length;
      const b = change.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'shuffle': {
      const lines = text.split('\n');
      const from = change.from % lines.length;
      const count = Math.min(change.keys.length, lines.length - from);
      const order = change.keys.slice(0, count).map((key, index) => ({ key, index }));
      order.sort((x, y) => x.key - y.key || x.index - y.index);
      const moved = order.map(({ index }) => lines[from + index]);
      lines.splice(from, count, ...moved);
      return lines.join('\n');
    }
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.piece + text.slice(at);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'lf':
      return text.replace(/\r\n/g, '\n');
    case 'bom':
      return text.startsWith('\ufeff') ? text.slice(1) : `\ufeff${text}`;
  }
}

/**
 * A window of one of the real lists (whole lists are slow to lint a hundred times) with a few
 * mutations applied.
 */
export const mutatedFixture = fc
  .record({
    fixture: fc.constantFrom(...fixtureTexts),
    from: fc.nat(),
    length: fc.integer({ min: 5, max: 120 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
  })
  .map(({ fixture, from, length, mutations }) => {
    const lines = fixture.split('\n');
    const start = from % lines.length;
    let text = lines.slice(start, start + length).join('\n');
    for (const change of mutations) text = mutate(text, change);
    return text;
  });

/** Either kind of input. */
export const anyList = fc.oneof(generatedList, mutatedFixture);

/** One edit as an editor sends it: replace `length` characters at `at` with `text`. */
export interface RandomEdit {
  at: number;
  length: number;
  text: string;
}

export const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  text: fc.oneof(fc.constant(''), noisePiece, entry.map((text) => `\n${text}\n`), fc.constantFrom('\n', '\r\n', '\n\n', '# H\n', '1. ')),
});

/** Applies an edit with its position and length clamped to the text. */
export function applyRandomEdit(text: string, edit: RandomEdit): string {
  const at = edit.at % (text.length + 1);
  const end = Math.min(text.length, at + edit.length);
  return text.slice(0, at) + edit.text + text.slice(end);
}

/**
 * A list drawn from a small pool of papers, so that most papers have copies: the same id with the same or
 * another title, in the same section or another. Edits on it create, merge and split groups of copies.
 */
const pooledIds = ['2301.00001', '2301.00002', '2302.00003'];
const pooledTitles = ['Scaling Laws for Neural Language Models', 'Scaling Laws for Language Models', 'Training Helpful Assistants With Feedback', 'Tiny'];
const pooledEntry = fc
  .record({ id: fc.constantFrom(...pooledIds), title: fc.constantFrom(...pooledTitles), author: fc.constantFrom('*Wang et al.*', '*Li et al.*', ''), year: fc.constantFrom('2023', '2024') })
  .map(({ id, title, author, year }) => `1. **${title}**. ${author} arXiv ${year}. [[Paper](https://arxiv.org/abs/${id})]`);
export const pooledList = fc
  .array(fc.oneof({ weight: 5, arbitrary: pooledEntry }, { weight: 1, arbitrary: fc.constantFrom('## Section A', '## Section B', '### Sub', '') }), { minLength: 4, maxLength: 30 })
  .map((lines) => `# Papers\n\n${lines.join('\n')}\n`);

/** Edits that move papers between groups: a new copy, another id or title, a removed line or heading. */
export const pooledEdit: fc.Arbitrary<RandomEdit> = fc.oneof(
  randomEdit,
  fc.record({ at: fc.nat(), length: fc.constant(0), text: pooledEntry.map((line) => `\n${line}\n`) }),
  fc.record({ at: fc.nat(), length: fc.constantFrom(10, 60, 120), text: fc.constantFrom(...pooledIds, ...pooledTitles, '', '\n## Section B\n') }),
);

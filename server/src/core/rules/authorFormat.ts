import type { Entry } from '../model';
import type { Report, Rule, TextEdit } from '../rule';

/**
 * "et al" in its common misspellings: `et al.`, `et. al.`, `et.al`, `et al`, `et al..`. The space or
 * the period after "et" is required so that words such as "metal" do not match. No nested
 * quantifiers, so the scan stays linear.
 */
const etAlPattern = /et(?:(\.)[ \t]*|[ \t]+)al(?![\p{L}\p{N}])(\.*)/gu;

/** A character of a surname: a letter, a combining mark, an apostrophe or a hyphen. */
function isNameCharacter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{M}'’-]/u.test(ch);
}

function joinProblems(problems: readonly string[]): string {
  return problems.length > 1 ? `${problems.slice(0, -1).join(', ')} and ${problems[problems.length - 1]}` : problems[0];
}

/** Checks one "et al" that starts at `etStart` (an offset in the document) and returns its finding, if any. */
function checkEtAl(text: string, entry: Entry, match: RegExpExecArray, etStart: number): Report | undefined {
  const authors = entry.authors!;
  const hasEtPeriod = match[1] !== undefined;
  const periods = match[2].length;
  const matchEnd = etStart + match[0].length;
  const alEnd = matchEnd - periods;
  const glued = /\p{L}/u.test(text[etStart - 1] ?? '');
  const spaceAfterEt = text.slice(etStart + (hasEtPeriod ? 3 : 2), alEnd - 2);
  // A period right after the closing `*` already ends "et al" on the page, so it is not missing.
  const periodOutside = alEnd === authors.end && text[authors.outer.end] === '.';

  const edits: TextEdit[] = [];
  const problems: string[] = [];
  if (glued) {
    edits.push({ start: etStart, end: etStart, newText: ' ' });
    problems.push('glue the surname to "et al."');
  }
  if (hasEtPeriod) {
    // The period after "et" goes; in "et.al" it becomes the missing space.
    edits.push({ start: etStart + 2, end: etStart + 3, newText: spaceAfterEt ? '' : ' ' });
    problems.push('put a period after "et"');
  }
  if (periods === 0 && !periodOutside) {
    edits.push({ start: alEnd, end: alEnd, newText: '.' });
    problems.push('lack the period after "et al"');
  } else if (periods > 1) {
    edits.push({ start: alEnd + 1, end: matchEnd, newText: '' });
    problems.push('end "et al." with more than one period');
  }
  if (!edits.length) return undefined;

  // Quote from the start of the surname before "et al", so that the message shows what changes.
  let surnameEnd = etStart;
  if (!glued) while (surnameEnd > authors.start && (text[surnameEnd - 1] === ' ' || text[surnameEnd - 1] === '\t')) surnameEnd--;
  let surnameStart = surnameEnd;
  while (surnameStart > authors.start && isNameCharacter(text[surnameStart - 1])) surnameStart--;
  const surname = text.slice(surnameStart, surnameEnd);
  const quoteStart = surname ? surnameStart : etStart;
  const found = text.slice(quoteStart, matchEnd);
  const expected = `${surname ? `${surname} ` : ''}et al${periods === 0 && periodOutside ? '' : '.'}`;
  // One letter glued to "et al" is as likely a typo in the surname ("Gu oet al.") as a missing space.
  if (glued && surname.length === 1) {
    return {
      span: { start: quoteStart, end: matchEnd },
      message: `Authors "${found}" glue a single letter to "et al."; expected a surname and a space before "et al." (check the paper's first author).`,
      fixes: [{ title: `Write "${expected}"`, edits, safe: false, preferred: false }],
      entry: entry.index,
    };
  }
  return {
    span: { start: quoteStart, end: matchEnd },
    message: `Authors "${found}" ${joinProblems(problems)}; expected "${expected}".`,
    fixes: [{ title: `Write "${expected}"`, edits, safe: true, preferred: true }],
    entry: entry.index,
  };
}

/** Authors written as `Ganguliet al.`, `et al` without its period, or `et. al.`. */
export const authorFormatRule: Rule = {
  code: 'author-format',
  defaultSeverity: 'warning',
  description: 'Authors written as `Ganguliet al.`, `et al` without its period, or `et. al.`.',
  fixable: true,
  scope: 'entry',
  check({ list, entries, report }) {
    for (const entry of entries) {
      const authors = entry.authors;
      if (!authors || authors.end <= authors.start) continue;
      const source = list.text.slice(authors.start, authors.end);
      for (const match of source.matchAll(etAlPattern)) {
        const finding = checkEtAl(list.text, entry, match as RegExpExecArray, authors.start + match.index!);
        if (finding) report(finding);
      }
    }
  },
  docs: {
    summary: '`Ganguliet al.`, `et al` without its period, `et. al.`',
    fix: 'write `et al.` (safe)',
    details: `\`*Ganguliet al.*\` (a surname glued to "et al."), \`*Smith et al*\` (no period), \`*Smith et. al.*\`.
Fix: \`*Ganguli et al.*\`, \`*Smith et al.*\`. A single letter glued to "et al" is ambiguous, so that fix is
not applied by fix-all.`,
    examples: {
      valid: [
        `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
      ],
      invalid: [
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xuet al.* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Authors "Xuet al." glue the surname to "et al."; expected "Xu et al.".',
          line: 5,
          column: 16,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
        {
          text: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al* ACL 2022. [[Paper](https://example.org/c)]
`,
          message: 'Authors "Xu et al" lack the period after "et al"; expected "Xu et al.".',
          line: 5,
          column: 16,
          fixed: `# Papers

1. **Alpha**. *Li et al.* ICML 2020. [[Paper](https://example.org/a)]
2. **Beta**. *Wu et al.* ICLR 2021. [[Paper](https://example.org/b)]
3. **Gamma**. *Xu et al.* ACL 2022. [[Paper](https://example.org/c)]
`,
        },
      ],
    },
  },
};

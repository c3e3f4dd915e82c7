// Lists, for each corpus list, the current errors and warnings that have no row yet in its review file
// (test/corpus/<name>.review.md), as table rows to judge and paste, and the rows whose finding is gone.
//
//   node --import tsx scripts/corpus-review.ts [part of a file name]
//   node --import tsx scripts/corpus-review.ts --counts [part of a file name]
//
// With --counts it prints instead, for each list, the entries the reader finds against the hand count.
//
// Findings come from the same core, host and options as test/corpus/corpus.test.ts. Each new row is
// printed with the verdict `?` and the finding's message; replace `?` with `real` or `false` and the
// message with why, after reading the line.
import { corpusFiles, errorAndWarningKeys, handCounts, keyOfRow, lintCorpusList, readReview, reviewPath } from '../test/corpus/harness';

const args = process.argv.slice(2);
const countsOnly = args.includes('--counts');
const filter = args.find((arg) => !arg.startsWith('--'));
const files = corpusFiles().filter((name) => !filter || name.includes(filter));

if (countsOnly) {
  const counts = handCounts();
  console.log('| list | found | hand count | off by | within 5% |');
  console.log('|---|---:|---:|---:|---|');
  for (const file of files) {
    const found = lintCorpusList(file).entries;
    const expected = counts[file]?.entries ?? NaN;
    const off = (((found - expected) / expected) * 100).toFixed(1);
    console.log(`| ${file} | ${found} | ${expected} | ${off}% | ${Math.abs(found - expected) <= 0.05 * expected ? 'yes' : 'no'} |`);
  }
  process.exit(0);
}

let open = 0;
for (const file of files) {
  const list = lintCorpusList(file);
  const review = readReview(file);
  const reviewed = new Set(review?.rows.map((row) => row.key) ?? []);
  const found = new Set(errorAndWarningKeys(list.rows));
  const seen = new Set<string>();
  const lines = list.text.split(/\r?\n/);
  const rows: string[] = [];
  for (const row of list.rows) {
    const key = keyOfRow(row);
    if (!found.has(key) || reviewed.has(key) || seen.has(key)) continue;
    seen.add(key);
    const [place, , code] = row.split(' ');
    const line = Number(place.split(':')[0]);
    const message = row.split(' ').slice(3).join(' ').replace(/\|/g, '\\|');
    const source = (lines[line - 1] ?? '').trim().slice(0, 100).replace(/\|/g, '\\|');
    rows.push(`| ${line} | ${code} | ? | ${message} — \`${source}\` |`);
  }
  const gone = (review?.rows ?? []).filter((row) => !found.has(row.key));
  const problems = review ? review.problems : [`${reviewPath(file)} is missing`];
  if (!rows.length && !gone.length && !problems.length) continue;
  open += rows.length;
  console.log(`\n## ${file}: ${rows.length} to review (${reviewPath(file)})`);
  for (const problem of problems) console.log(`! ${problem}`);
  for (const row of rows) console.log(row);
  for (const row of gone) console.log(`gone: | ${row.line} | ${row.code} | ${row.verdict} | ${row.why} |`);
}
console.log(`\n${open} errors and warnings without a review row.`);

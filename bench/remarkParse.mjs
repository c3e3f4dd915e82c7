// Parses one file with a bare unified().use(remarkParse) and prints how many top-level nodes it found.
// Run as its own process so that it pays the same start-up as the two command-line linters.
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const text = readFileSync(process.argv[2], 'utf8');
const tree = unified().use(remarkParse).parse(text);
process.stdout.write(`${JSON.stringify({ children: tree.children.length })}\n`);

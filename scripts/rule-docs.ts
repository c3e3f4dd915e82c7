// Writes the rule reference from the rule files: docs/rules.md, the README's rule table (between its
// markers) and the rule descriptions of the manifest (package.json). test/core/ruleDocs.test.ts fails when
// they drift.
//
//   npm run docs:rules
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { allRules, type Rule } from '../server/src/core/index';

export const regenerateCommand = 'npm run docs:rules';
export const tableStart = '<!-- rules:start -->';
export const tableEnd = '<!-- rules:end -->';

/** Links written for docs/rules.md point to the README one folder up; in the README they stay in the file. */
function forReadme(markdown: string): string {
  return markdown.replaceAll('](../README.md#', '](#');
}

/** A table cell: a `|` would end it. */
function cell(markdown: string): string {
  return markdown.replaceAll('|', '\\|');
}

/** A message as plain text in markdown: its brackets, asterisks and underscores escaped. */
function plainText(message: string): string {
  return message.replace(/[\\[\]*_`<]/g, (character) => `\\${character}`);
}

function fenced(text: string): string {
  return ['```markdown', text.replace(/\n$/, ''), '```'].join('\n');
}

/** The rule table; `link` gives each code's target. */
function ruleTable(rules: readonly Rule[], link: (rule: Rule) => string, adapt: (markdown: string) => string): string {
  const rows = rules.map((rule) => `| [${rule.code}](${link(rule)}) | ${cell(adapt(rule.docs.summary))} | ${rule.defaultSeverity} | ${cell(adapt(rule.docs.fix))} |`);
  return ['| code | finds | default | fix |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README's rule table, each code linking to its section of docs/rules.md. */
export function readmeTable(rules: readonly Rule[] = allRules): string {
  return ruleTable(rules, (rule) => `docs/rules.md#${rule.code}`, forReadme);
}

function ruleSection(rule: Rule): string {
  const { fix, examples } = rule.docs;
  // Details that open with the description would say it twice.
  const details = rule.docs.details?.startsWith(rule.description) ? rule.docs.details.slice(rule.description.length).trim() : rule.docs.details;
  const parts = [`## ${rule.code}`, rule.description, `Default severity: ${rule.defaultSeverity}. ${fix === '–' ? 'No fix.' : `Fix: ${fix}.`}`];
  if (details) parts.push(details);
  if (examples.config) parts.push(`The examples use this config:\n\n\`\`\`json\n${JSON.stringify(examples.config, null, 2)}\n\`\`\``);
  if (examples.existingFiles?.length) parts.push(`Next to the examples, these files exist: ${examples.existingFiles.map((path) => `\`${path}\``).join(', ')}.`);
  // Labels in bold rather than headings, so that the only anchors are the rules' codes.
  for (const text of examples.valid) parts.push('**Valid**, no finding:', fenced(text));
  for (const example of examples.invalid) {
    parts.push(`**Invalid**, line ${example.line}, column ${example.column}: ${plainText(example.message)}`, fenced(example.text));
    if (example.fixed !== undefined) parts.push('**Fixed**:', fenced(example.fixed));
  }
  return parts.join('\n\n');
}

/** docs/rules.md: the table, then one section per rule with its description, details and examples. */
export function rulesDoc(rules: readonly Rule[] = allRules): string {
  const intro = [
    '# Rules',
    `<!-- Generated from server/src/core/rules/ by \`${regenerateCommand}\`; edit the rule's \`docs\` there, not this file. -->`,
    'Every finding has a stable code (used in the config, in inline comments and in the editor\'s Problems panel), a ' +
      'default severity, a message that says what was found and what was expected, and, where the right change is ' +
      'clear, a fix. "Safe" fixes run in `--fix` and in the editor\'s fix-all; the others are offered as quick fixes ' +
      'only. Each example below runs as a test (test/core/ruleExamples.test.ts); a fixed text is what fix-all makes ' +
      'of the example when the fix is safe, else what the quick fix makes of it.',
    ruleTable(rules, (rule) => `#${rule.code}`, (markdown) => markdown),
  ];
  return `${[...intro, ...rules.map(ruleSection)].join('\n\n')}\n`;
}

/** The README with its rule table replaced by the generated one. */
export function withReadmeTable(readme: string, rules: readonly Rule[] = allRules): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start === -1 || end < start) throw new Error(`README.md has no ${tableStart} … ${tableEnd} markers around the rule table.`);
  return `${readme.slice(0, start + tableStart.length)}\n${readmeTable(rules)}\n${readme.slice(end)}`;
}

/** The manifest with one setting per rule, in the table's order, each described by its rule. */
export function withManifestRules(manifestText: string, rules: readonly Rule[] = allRules): string {
  const manifest = JSON.parse(manifestText);
  const configurations = [manifest.contributes.configuration].flat();
  const setting = configurations.find((configuration) => configuration.properties?.['paperList.rules']).properties['paperList.rules'];
  setting.properties = Object.fromEntries(
    rules.map((rule) => [rule.code, { type: 'string', enum: ['error', 'warning', 'info', 'hint', 'off'], default: rule.defaultSeverity, markdownDescription: rule.description }]),
  );
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync('docs/rules.md', rulesDoc());
  writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8')));
  writeFileSync('package.json', withManifestRules(readFileSync('package.json', 'utf8')));
  console.log(`Wrote docs/rules.md, the rule table of README.md and the rule settings of package.json for ${allRules.length} rules.`);
}

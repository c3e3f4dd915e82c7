import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ciWorkflowText } from '../../client/src/ciWorkflow';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const ignore = readFileSync(resolve(root, '.vscodeignore'), 'utf8');

test('walkthrough: open a list, the sidebar, fix, add a paper, CI; each step runs a real command and its media ship in the .vsix (issue 15)', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.deepEqual(walkthrough.steps.map((step: { id: string }) => step.id), ['openList', 'sidebar', 'fix', 'addPaper', 'ci']);
  const ours = new Set(manifest.contributes.commands.map((command: { command: string }) => command.command));
  const builtIn = new Set(['workbench.action.files.openFile', 'workbench.view.extension.paperList']);
  for (const step of walkthrough.steps) {
    const commands = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1]);
    assert.ok(commands.length, `step ${step.id} has a command link`);
    for (const command of commands) assert.ok(ours.has(command) || builtIn.has(command), `step ${step.id} runs ${command}`);
    const media = step.media.image ?? step.media.markdown;
    assert.ok(existsSync(resolve(root, media)), `${media} exists`);
    const shipped = media.startsWith('images/') ? `!${media}` : '!walkthrough/*.md';
    assert.ok(ignore.includes(shipped), `${media} is packaged`);
  }
});

test('Set Up CI: the workflow lints the named lists with the repository\'s GitHub Action', () => {
  const text = ciWorkflowText(['README.md', 'lists/papers.md']);
  assert.match(text, /^on: \[push, pull_request\]$/m);
  assert.match(text, /uses: paperlist\/paperlist@main$/m);
  assert.match(text, /fetch-depth: 0$/m, 'the Action compares with the pull request base, which needs history');
  assert.match(text, /files: "README\.md lists\/papers\.md"$/m);
  assert.match(ciWorkflowText([]), /files: "README\.md"$/m);
});

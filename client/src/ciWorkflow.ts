// "Set Up CI": a GitHub Actions workflow that lints the list on every push and pull request, written
// into the workspace for the user to review and commit. The text is free of `vscode` so that tests read it.

/** The workflow's text; `lists` are the workspace-relative paths of the lists to lint. */
export function ciWorkflowText(lists: readonly string[]): string {
  const files = lists.length ? lists.map((path) => JSON.stringify(path)).join(' ') : 'README.md';
  return [
    '# Lints the paper list on every push and pull request; written by "Paper List: Set Up CI".',
    '# The job fails when paperlist finds an error; warnings are listed in the log.',
    'name: paperlist',
    'on: [push, pull_request]',
    'jobs:',
    '  lint:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    `      - run: npx --yes paperlist lint ${files}`,
    '',
  ].join('\n');
}

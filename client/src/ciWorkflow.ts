// "Set Up CI": a GitHub Actions workflow that lints the list on every push and pull request, written
// into the workspace for the user to review and commit. The text is free of `vscode` so that tests read it.

/**
 * The workflow's text; `lists` are the workspace-relative paths of the lists to lint. It uses the
 * repository's GitHub Action (action.yml), which builds the CLI from its own checkout: on a pull request it
 * annotates only the lines the pull request changed, on a push it lints the whole lists.
 */
export function ciWorkflowText(lists: readonly string[]): string {
  const files = lists.length ? lists.join(' ') : 'README.md';
  return [
    '# Lints the paper list on every push and pull request; written by "Paper List: Set Up CI".',
    '# On a pull request only the lines it changes are reported. The job fails on an error.',
    'name: paperlist',
    'on: [push, pull_request]',
    'jobs:',
    '  lint:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          fetch-depth: 0',
    '      - uses: paperlist/paperlist@main',
    '        with:',
    `          files: ${JSON.stringify(files)}`,
    '          fail-on: error',
    '',
  ].join('\n');
}

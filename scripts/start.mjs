// Lints the bundled example list. Findings are the point of the demo, so exit 1 (errors found) is success here.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples/alignment-survey.md', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status === 1 ? 0 : (result.status ?? 2));

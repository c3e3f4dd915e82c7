import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// The built CLI is packed as it is (npm test builds first); --ignore-scripts keeps prepack from
// rebuilding dist/ under the feet of the other test files, which run at the same time.
test('pack: npm pack gives a tarball that installs with npm install -g and runs paperlist lint', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'paperlist-pack-'));
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  assert.deepEqual(packed[0].files.map((file) => file.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
  const tarball = readdirSync(scratch).find((name) => /^paperlist-.*\.tgz$/.test(name));
  assert.ok(tarball, 'a paperlist-*.tgz');

  const prefix = join(scratch, 'prefix');
  const install = spawnSync(npm, ['install', '-g', `./${tarball}`, '--prefix', prefix, '--no-audit', '--no-fund'], { cwd: scratch, encoding: 'utf8' });
  assert.equal(install.status, 0, install.stderr);

  const lists = mkdtempSync(join(tmpdir(), 'paperlist-installed-'));
  writeFileSync(join(lists, 'list.md'), '# Papers\n1. **A paper**. *Smithet al.* NeurIPS 2020. [[Paper](https://example.org/a.pdf)]\n');
  // Only the installed command on the PATH, not the repository's.
  const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, HOME: scratch };
  const lint = spawnSync('paperlist', ['lint', 'list.md'], { cwd: lists, encoding: 'utf8', env });
  assert.equal(lint.status, 0, lint.stderr);
  assert.match(lint.stdout, /2:18 +warning +Authors "Smithet al\." glue the surname to "et al\."; expected "Smith et al\.". +author-format/);
  const version = spawnSync('paperlist', ['--version'], { cwd: lists, encoding: 'utf8', env });
  assert.equal(version.stdout.trim(), JSON.parse(execFileSync(npm, ['pkg', 'get', 'version'], { encoding: 'utf8' })));
});

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCheckReport } from '../../main/cli/check-command';
import { checkVault } from '../../main/core/query/check-vault';
import { VaultGraph } from '../../main/core/graph/vault-graph';
import { bigNote } from './big-note';
import { cli } from './cli-io';

let temp: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'plexus-cli-safe-'));
  writeFileSync(join(temp, 'Big.md'), bigNote());
  writeFileSync(join(temp, 'Small.md'), '# Small\nback to [[Big]]\n');
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('plexus check and safe mode', () => {
  test('the report lists notes parsed in safe mode, with why', () => {
    const text = formatCheckReport(checkVault(new VaultGraph()), [], [{ path: 'Big.md', reason: 'parsing took longer than the 2000 ms budget' }]);
    expect(text).toContain('Parsed in safe mode (plain text, links found by a simple scan) (1)\n  Big.md  parsing took longer than the 2000 ms budget\n');
    expect(text).toMatch(/No broken links\.\n$/);
  });

  test('a note over the budget is reported as a warning; the exit code stays 0 and its links are checked', async () => {
    const run = await cli('check', temp, '--no-cache', '--parse-budget-ms', '20');
    expect(run.stdout).toMatch(
      /Parsed in safe mode \(plain text, links found by a simple scan\) \(\d+\)\n( {2}.*\n)* {2}Big\.md {2}parsing took longer than the 20 ms budget\n/,
    );
    expect(run.stdout).toMatch(/No broken links\./);
    expect(run.code).toBe(0);
  });

  test('--json carries the safe-mode notes', async () => {
    const run = await cli('check', temp, '--no-cache', '--json', '--parse-budget-ms', '20');
    const report = JSON.parse(run.stdout) as { safeMode: { path: string; reason: string }[]; hasBrokenLinks: boolean };
    expect(report.safeMode).toContainEqual({ path: 'Big.md', reason: 'parsing took longer than the 20 ms budget' });
    expect(report.hasBrokenLinks).toBe(false);
  });

  test('as users run it (bin/plexus.cjs: the bundle and its bundled parse worker), a note over the budget still ends in safe mode', async () => {
    const bin = join(__dirname, '..', '..', 'bin', 'plexus.cjs');
    const child = spawn(process.execPath, [bin, 'check', temp, '--no-cache', '--parse-budget-ms', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(stdout).toContain('  Big.md  parsing took longer than the 20 ms budget\n');
    expect(stdout).toMatch(/No broken links\./);
    expect(code).toBe(0);
  });

  test('--parse-budget-ms needs a positive number', async () => {
    const run = await cli('check', temp, '--parse-budget-ms', '0');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--parse-budget-ms needs a positive number/);
  });
});

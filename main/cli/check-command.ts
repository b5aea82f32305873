/**
 * `plexus check <vault>`: the link-health report; exit 1 when any link is broken. Notes parsed
 * in safe mode are listed as a warning: they do not change the exit code (their links are
 * still checked, as the simple scan found them).
 */
import { checkVault, type CheckReport } from '../core/query/check-vault';
import type { ResolvedLink } from '../core/types';
import type { FileReport } from '../service/file-reports';
import type { CliIo } from './cli-io';
import { fileProblems, openForCli, type CliVaultOptions } from './open-for-cli';

function where(link: ResolvedLink): string {
  return `${link.source}:${link.line}`;
}

export interface SafeModeNote {
  path: string;
  reason: string;
}

export function formatCheckReport(report: CheckReport, files: FileReport[], safeMode: SafeModeNote[] = []): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length})`, ...items.map((i) => `  ${i}`), '');
  };
  section(
    'Unresolved links',
    report.unresolved.map((l) => `${where(l)}  [[${l.text}]]`),
  );
  section(
    'Missing headings and blocks',
    report.missingAnchors.map((m) => `${where(m.link)}  ${m.link.resolved} has no ${m.anchor} '${m.name}'`),
  );
  section(
    'Ambiguous links',
    report.ambiguous.map((l) => `${where(l)}  [[${l.text}]] -> ${l.resolved} (candidates: ${l.candidates.join(', ')})`),
  );
  section(
    'Duplicate block ids',
    report.duplicateBlockIds.map((d) => `${d.path}  ^${d.id} on lines ${d.lines.join(', ')}`),
  );
  section('Orphans (no links in or out)', report.orphans);
  section(
    'Skipped or repaired files',
    files.map((f) => `${f.path || '(vault)'}  ${f.problem}: ${f.message}`),
  );
  section(
    'Parsed in safe mode (plain text, links found by a simple scan)',
    safeMode.map((n) => `${n.path}  ${n.reason}`),
  );
  const broken = report.unresolved.length + report.missingAnchors.length;
  lines.push(broken === 0 ? 'No broken links.' : `${broken} broken link${broken === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}

export async function runCheck(options: CliVaultOptions & { json: boolean }, io: CliIo): Promise<number> {
  const opened = await openForCli(options, io);
  if (!opened.ok) return opened.error;
  const { service } = opened.value;
  try {
    const report = checkVault(service.graph);
    const files = fileProblems(service.reports());
    const safeMode = service.safeModeNotes();
    if (options.json) io.stdout.write(`${JSON.stringify({ ...report, files, safeMode }, null, 2)}\n`);
    else io.stdout.write(formatCheckReport(report, files, safeMode));
    return report.hasBrokenLinks ? 1 : 0;
  } finally {
    await service.close();
  }
}

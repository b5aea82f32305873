/** `plexus index <vault> [--json]`: a summary, or the whole graph as one JSON document. */
import type { VaultGraph } from '../core/graph/vault-graph';
import type { CliIo } from './cli-io';
import { openForCli, writeReports, writeSafeModeNotes, type CliVaultOptions } from './open-for-cli';

export interface IndexJson {
  notes: { path: string; title: string; aliases: string[]; tags: string[]; headings: string[] }[];
  links: {
    source: string;
    target: string | null;
    text: string;
    kind: 'wiki' | 'markdown';
    embed: boolean;
    heading: string | null;
    block: string | null;
    line: number;
  }[];
}

export function buildIndexJson(graph: VaultGraph): IndexJson {
  const notes: IndexJson['notes'] = [];
  const links: IndexJson['links'] = [];
  for (const path of graph.notePaths()) {
    const note = graph.getNote(path)!;
    notes.push({ path, title: note.title, aliases: note.aliases, tags: note.tags, headings: note.headings.map((h) => h.text) });
    const ordered = [...graph.outgoing(path)].sort((a, b) => a.start - b.start);
    for (const link of ordered) {
      links.push({
        source: path,
        target: link.resolved,
        text: link.text,
        kind: link.kind,
        embed: link.embed,
        heading: link.heading,
        block: link.block,
        line: link.line,
      });
    }
  }
  return { notes, links };
}

export async function runIndex(options: CliVaultOptions & { json: boolean }, io: CliIo): Promise<number> {
  const opened = await openForCli(options, io, true);
  if (!opened.ok) return opened.error;
  const { service, ms } = opened.value;
  try {
    writeReports(service.reports(), io);
    writeSafeModeNotes(service.safeModeNotes(), io);
    if (options.json) {
      io.stdout.write(`${JSON.stringify(buildIndexJson(service.graph), null, 2)}\n`);
      return 0;
    }
    const s = service.graph.stats();
    io.stdout.write(
      `vault: ${service.root}\n` +
        `notes: ${s.notes}  attachments: ${s.attachments}  links: ${s.links} (unresolved ${s.unresolved}, ambiguous ${s.ambiguous})  ` +
        `orphans: ${s.orphans}  placeholders: ${s.placeholders}\n` +
        `indexed in ${Math.round(ms)} ms\n`,
    );
    return 0;
  } finally {
    await service.close();
  }
}

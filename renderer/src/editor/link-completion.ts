/**
 * `[[` completion: note titles with their folder and aliases (an alias inserts `[[Note|Alias]]`),
 * `[[Note#` that note's headings, `[[Note#^` its block ids. Data comes from the api on demand.
 */
import { pickedCompletion, type CompletionContext, type CompletionResult, type Completion } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import type { PlexusApi, SwitcherItem } from '../../../main/contract/api-contract';
import type { VaultPath } from '../../../main/core/types';

/**
 * What a picked option inserts. When `]]` already follows (closeBrackets typed it), the text goes
 * before it and the cursor moves past it, so typing after a completion continues outside the link.
 */
function linkApply(text: string, closes: boolean): Completion['apply'] {
  if (!closes) return text + ']]';
  return (view: EditorView, completion: Completion, from: number, to: number) => {
    view.dispatch({
      changes: { from, to, insert: text },
      selection: { anchor: from + text.length + 2 },
      annotations: pickedCompletion.of(completion),
      userEvent: 'input.complete',
    });
  };
}

export function linkCompletionSource(api: PlexusApi, sourcePath: () => VaultPath) {
  let items: Promise<SwitcherItem[]> | null = null;
  const switcher = () => (items ??= api.getSwitcherItems());
  // Titles can change while the editor is open; the next `[[` fetches afresh.
  const forget = () => {
    items = null;
  };

  async function metaFor(target: string) {
    const from = sourcePath();
    const path = target === '' ? from : (await api.resolveLink(from, target)).resolved;
    if (!path) return null;
    const meta = await api.getNoteMeta(path);
    return meta.ok ? meta.value : null;
  }

  async function source(context: CompletionContext): Promise<CompletionResult | null> {
    const before = context.matchBefore(/\[\[[^\][\n]*/);
    if (!before) return null;
    const inner = before.text.slice(2);
    if (inner.includes('|')) return null; // typing an alias: nothing to suggest
    const closes = context.state.sliceDoc(context.pos, context.pos + 2) === ']]';
    const hash = inner.indexOf('#');
    if (hash >= 0) {
      const target = inner.slice(0, hash);
      const rest = inner.slice(hash + 1);
      const meta = await metaFor(target);
      if (!meta) return null;
      const from = before.from + 2 + hash + 1;
      if (rest.startsWith('^')) {
        return { from: from + 1, options: meta.blockIds.map((b) => ({ label: b.id, type: 'constant', apply: linkApply(b.id, closes) })), validFor: /^[\w-]*$/ };
      }
      return { from, options: meta.headings.map((h) => ({ label: h.text, detail: 'H' + h.level, type: 'property', apply: linkApply(h.text, closes) })) };
    }
    const options: Completion[] = [];
    const all = await switcher();
    const titleCount = new Map<string, number>();
    for (const item of all) titleCount.set(item.title.toLowerCase(), (titleCount.get(item.title.toLowerCase()) ?? 0) + 1);
    for (const item of all) {
      // Two notes with one title: the completion names the path so the link is not ambiguous.
      const name = (titleCount.get(item.title.toLowerCase()) ?? 0) > 1 ? item.path.replace(/\.md$/i, '') : item.title;
      // The folder tells apart notes of one name and says where a note lives; the root shows as `/`.
      const slash = item.path.lastIndexOf('/');
      options.push({ label: item.title, detail: slash < 0 ? '/' : item.path.slice(0, slash), type: 'text', apply: linkApply(name, closes) });
      for (const alias of item.aliases)
        options.push({ label: alias, detail: `alias of ${item.title}`, type: 'variable', apply: linkApply(`${name}|${alias}`, closes) });
    }
    return { from: before.from + 2, options };
  }

  return { source, forget };
}

/**
 * Rename or move a note: the new vault path, the notes whose links will be rewritten (from
 * planRename, with counts), then renameNote. The caller gets the outcome (with its undo token).
 *
 * The field holds the whole path, so what it shows is where the note goes: a bare name typed
 * over a selected-all path moves the note to the top folder. That is said in so many words
 * ("Will move to: …") rather than second-guessed, so moving to the top folder stays possible.
 * The link list is information, not a gate: renameNote plans again itself, so Enter before the
 * list has loaded renames at once.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlexusApi, RenameOutcome } from '../../../../main/contract/api-contract';
import { Modal } from '../modal';
import { ModalFooter } from '../modal-footer';
import { checkNotePath, folderOf } from './note-path-input';
import { useRenamePlan } from './use-rename-plan';
import type { VaultPath } from '../../../../main/core/types';

interface Props {
  api: PlexusApi;
  from: VaultPath;
  onRenamed(outcome: RenameOutcome): void;
  onClose(): void;
}

export function RenameDialog({ api, from, onRenamed, onClose }: Props) {
  const [input, setInput] = useState<string>(from);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = checkNotePath(input);
  const to = check.ok && check.value !== from ? check.value : null;
  const plan = useRenamePlan(api, from, to);
  // A plan that failed for this path (e.g. it exists) would fail the rename too.
  const ready = to !== null && plan.status !== 'error';
  // Once renamed, the note opens again (in the editor, if the user was editing): no focus back to the opener.
  const returnFocus = useRef(true);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.renameNote(from, to);
      if (result.ok) {
        returnFocus.current = false;
        onRenamed(result.value);
      } else setError(`Could not rename: ${result.error.message}`);
    } catch (err) {
      setError(`Could not rename: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  // Select the name without folder and extension, the part people usually change.
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const start = from.lastIndexOf('/') + 1;
    const end = /\.md$/i.test(from) ? from.length - 3 : from.length;
    field.current?.focus();
    field.current?.setSelectionRange(start, end);
  }, [from]);

  return (
    <Modal label="Rename note" onClose={onClose} className="confirm rename-dialog" returnFocus={returnFocus}>
      <form onSubmit={submit}>
        <h2 className="modal-title">Rename or move</h2>
        <p className="muted small">
          From <code>{from}</code>
        </p>
        <label className="field">
          <span className="field-label">New path</span>
          <input ref={field} className="field-input" value={input} spellCheck={false} onChange={(e) => setInput(e.target.value)} />
        </label>
        {!check.ok && (
          <p className="error-text" role="alert">
            {check.error}
          </p>
        )}
        {check.ok && to === null && <p className="muted small">Type a new name or folder.</p>}
        {to !== null && <Destination from={from} to={to} />}
        <PlanSummary plan={plan} />
        <ModalFooter error={error} onCancel={onClose}>
          <button type="submit" className="primary" disabled={!ready || busy}>
            {busy ? 'Renaming…' : 'Rename'}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

/** Where the note will end up; a change of folder is spelled out, so a bare name never moves a note unnoticed. */
function Destination({ from, to }: { from: VaultPath; to: VaultPath }) {
  const [was, will] = [folderOf(from), folderOf(to)];
  const named = (folder: string) => (folder ? <code>{folder}/</code> : 'the vault’s top folder');
  if (was === will)
    return (
      <p className="muted small">
        Will be renamed to <code>{to}</code>
      </p>
    );
  return (
    <p className="small move-notice" role="status">
      Will move to: <code>{to}</code> (out of {named(was)}, into {named(will)})
    </p>
  );
}

function PlanSummary({ plan }: { plan: ReturnType<typeof useRenamePlan> }) {
  if (plan.status === 'idle') return null;
  if (plan.status === 'pending')
    return (
      <p className="muted small" aria-busy="true">
        Checking links…
      </p>
    );
  if (plan.status === 'error')
    return (
      <p className="error-text" role="alert">
        {plan.message}
      </p>
    );
  const { affected } = plan.plan;
  if (affected.length === 0) return <p className="muted small">No other notes link here; no links need updating.</p>;
  const total = affected.reduce((n, a) => n + a.links, 0);
  return (
    <section aria-label="Links to update" className="affected">
      <p className="small">
        {total} link{total === 1 ? '' : 's'} in {affected.length} note{affected.length === 1 ? '' : 's'} will be updated:
      </p>
      <ul className="affected-list">
        {affected.map((a) => (
          <li key={a.path}>
            <span className="affected-path">{a.path}</span>{' '}
            <span className="count">
              {a.links} link{a.links === 1 ? '' : 's'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

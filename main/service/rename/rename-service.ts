/**
 * planRename / renameNote / undoRename / updateLinksAfterExternalRename. A rename moves the file
 * (never over an existing one) and rewrites every linking note atomically; the steps are kept so
 * undoRename puts every byte back — unless someone edited those files since, which is a conflict.
 * A step that fails half-way reverts the steps before it, so a rename is all or nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ApiError, RenameOutcome, RenamePlan, Result } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { applyEdits } from '../../core/rewrite/apply-edits';
import type { NoteEdits } from '../../core/rewrite/plan-rename-edits';
import { exists } from '../write/note-writer-atomic';
import { notePathToAbs, type WriterContext } from '../write/note-writer-context';
import { fail, ioError, isErrno } from '../write/note-writer-errors';
import { encodeExact } from '../write/note-writer-text';
import { hashBytes } from '../files/read-vault-file';
import { planFromDisk, type DiskPlan } from './rename-links';
import { changedSince, moveFile, revertSteps, rewriteFile, type RenameStep } from './rename-steps';

/** Undo entries are kept for the session; older ones are dropped past this many. */
const MAX_UNDO = 50;

export function createRenameService(ctx: WriterContext) {
  const undo = new Map<string, RenameStep[]>();

  async function check(from: VaultPath, to: VaultPath, movedAlready: boolean): Promise<Result<null>> {
    const fromAbs = notePathToAbs(ctx, from);
    if (!fromAbs.ok) return fromAbs;
    const toAbs = notePathToAbs(ctx, to);
    if (!toAbs.ok) return toAbs;
    if (from === to) return fail('invalid-input', 'the new path is the same as the old one');
    try {
      const [fromThere, toThere] = [await exists(ctx.io, fromAbs.value), await exists(ctx.io, toAbs.value)];
      const caseOnly = from.toLowerCase() === to.toLowerCase();
      if (movedAlready) {
        if (!toThere) return fail('not-found', `"${to}" does not exist`);
        if (fromThere && !caseOnly) return fail('exists', `"${from}" still exists; it was not renamed`);
      } else {
        if (!fromThere) return fail('not-found', `"${from}" does not exist`);
        if (toThere && !caseOnly) return fail('exists', `"${to}" already exists`);
      }
    } catch (error) {
      return { ok: false, error: ioError(`could not check "${from}" and "${to}"`, error) };
    }
    return { ok: true, value: null };
  }

  async function planRename(from: VaultPath, to: VaultPath): Promise<Result<RenamePlan>> {
    const ok = await check(from, to, false);
    if (!ok.ok) return ok;
    const plan = await planFromDisk(ctx, from, to, false);
    if (!plan.ok) return plan;
    return { ok: true, value: { from, to, affected: plan.value.edits.affected } };
  }

  async function renameNote(from: VaultPath, to: VaultPath): Promise<Result<RenameOutcome>> {
    const ok = await check(from, to, false);
    if (!ok.ok) return ok;
    const plan = await planFromDisk(ctx, from, to, false);
    if (!plan.ok) return plan;
    const steps: RenameStep[] = [];
    const outcome = await run(steps, async () => {
      await moveFile(ctx, from, to);
      steps.push({ kind: 'move', from, to });
      return rewriteAll(plan.value, steps, to, from);
    });
    if (!outcome.ok) return outcome;
    // The caller opens `to` next: the index must already have it (and no longer `from`).
    await indexSteps(steps);
    const token = randomUUID();
    undo.set(token, steps);
    if (undo.size > MAX_UNDO) undo.delete(undo.keys().next().value as string);
    return { ok: true, value: { from, to, changed: outcome.value, undoToken: token } };
  }

  async function updateLinksAfterExternalRename(from: VaultPath, to: VaultPath): Promise<Result<VaultPath[]>> {
    const ok = await check(from, to, true);
    if (!ok.ok) return ok;
    const plan = await planFromDisk(ctx, from, to, true);
    if (!plan.ok) return plan;
    const outcome = await run([], () => rewriteAll(plan.value, [], to, from));
    if (outcome.ok) await ctx.service.indexOwnWrites?.(outcome.value);
    return outcome;
  }

  async function undoRename(token: string): Promise<Result<null>> {
    const steps = typeof token === 'string' ? undo.get(token) : undefined;
    if (!steps) return fail('not-found', 'nothing to undo: the rename is unknown or was already undone');
    try {
      const changed = await changedSince(ctx, steps);
      if (changed.length > 0) {
        return fail('conflict', `cannot undo the rename: changed since: ${changed.join(', ')}`);
      }
      await revertSteps(ctx, steps);
    } catch (error) {
      return { ok: false, error: ioError('could not undo the rename', error) };
    }
    await indexSteps(steps);
    undo.delete(token);
    return { ok: true, value: null };
  }

  /** Runs the steps; on failure reverts whatever was done and reports both errors if that fails too. */
  async function run<T>(steps: RenameStep[], body: () => Promise<Result<T>>): Promise<Result<T>> {
    let failure: ApiError;
    try {
      const result = await body();
      if (result.ok) return result;
      failure = result.error;
    } catch (error) {
      failure = isErrno(error, 'EEXIST') ? { code: 'exists', message: 'the new path already exists' } : ioError('could not rename', error);
    }
    try {
      await revertSteps(ctx, steps);
    } catch (revertError) {
      const why = ioError('and undoing the partial rename failed', revertError).message;
      return { ok: false, error: { code: failure.code, message: `${failure.message}; ${why}` } };
    }
    return { ok: false, error: failure };
  }

  /** Rewrites each planned note atomically, provided it still holds the bytes the plan was made from. */
  async function rewriteAll(plan: DiskPlan, steps: RenameStep[], to: VaultPath, from: VaultPath): Promise<Result<VaultPath[]>> {
    const changed: VaultPath[] = [];
    for (const note of plan.edits.notes) {
      const file = plan.files.get(note.path);
      if (!file) throw new Error(`rename: planned note ${note.path} was not read`);
      if (file.undecodable) continue;
      const where = note.path === from ? to : note.path;
      const result = await rewriteOne(note, file.bytes, file.hash, file.bom, where);
      if (!result.ok) return result;
      steps.push(result.value);
      changed.push(where);
    }
    return { ok: true, value: changed };
  }

  async function rewriteOne(note: NoteEdits, original: Uint8Array, planHash: string, bom: boolean, where: VaultPath): Promise<Result<RenameStep>> {
    const now = await ctx.io.readFile(notePathAbs(where));
    if (hashBytes(now) !== planHash) return fail('conflict', `"${where}" changed while renaming; nothing was renamed`);
    ctx.service.snapshots?.beforeOverwrite(where, now, planHash, 'before-rename');
    const newHash = await rewriteFile(ctx, where, encodeExact(applyEdits(note.text, note.edits), bom));
    return { ok: true, value: { kind: 'rewrite', path: where, original, newHash } };
  }

  /** Every path the steps touched, into the index before the call returns (see WriterService.indexOwnWrites). */
  async function indexSteps(steps: readonly RenameStep[]): Promise<void> {
    const paths = new Set<VaultPath>();
    for (const step of steps) {
      if (step.kind === 'move') paths.add(step.from).add(step.to);
      else paths.add(step.path);
    }
    await ctx.service.indexOwnWrites?.([...paths]);
  }

  function notePathAbs(vaultPath: VaultPath): string {
    const abs = notePathToAbs(ctx, vaultPath);
    if (!abs.ok) throw new Error(`rename: ${abs.error.message}`);
    return abs.value;
  }

  return { planRename, renameNote, undoRename, updateLinksAfterExternalRename };
}

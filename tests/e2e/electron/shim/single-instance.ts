/**
 * Electron's single-instance lock for the shim, between real processes: the lock is a file in the
 * userData folder naming the owner's pid (made with link(), so it appears complete or not at all).
 * A second instance that finds a live owner writes its argv, working directory and additional data
 * into the owner's inbox folder and is refused the lock, as Electron's `requestSingleInstanceLock`
 * returns false after handing its command line over; the owner emits 'second-instance' with them
 * (after 'ready', as Electron guarantees). A lock whose owner died is taken over.
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { appEvents, electronEvent, records, state } from './runtime';

const LOCK = 'shim-single-instance.lock';
const INBOX = 'shim-single-instance-inbox';
let watcher: FSWatcher | null = null;
let handed = 0;

function ownerAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function handOver(userData: string, additionalData: unknown): void {
  const inbox = path.join(userData, INBOX);
  mkdirSync(inbox, { recursive: true });
  const name = `${Date.now()}-${process.pid}-${++handed}.json`;
  const temp = path.join(inbox, `${name}.tmp`);
  writeFileSync(temp, JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData: additionalData ?? null }));
  renameSync(temp, path.join(inbox, name));
  records.handedOver = [...process.argv];
}

function drain(inbox: string): void {
  let names: string[];
  try {
    names = readdirSync(inbox)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    const file = path.join(inbox, name);
    let message: { argv: string[]; cwd: string; additionalData: unknown };
    try {
      message = JSON.parse(readFileSync(file, 'utf8'));
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // drained by an earlier event
      throw error;
    }
    const emit = () => {
      records.secondInstances.push(message.argv);
      appEvents.emit('second-instance', electronEvent(), message.argv, message.cwd, message.additionalData);
    };
    if (state.ready) emit();
    else appEvents.once('ready', emit);
  }
}

function hold(userData: string, lockFile: string): void {
  const inbox = path.join(userData, INBOX);
  mkdirSync(inbox, { recursive: true });
  watcher = watch(inbox, () => drain(inbox));
  drain(inbox);
  process.on('exit', () => {
    watcher?.close();
    rmSync(lockFile, { force: true });
  });
}

export function requestLock(userData: string, additionalData: unknown): boolean {
  mkdirSync(userData, { recursive: true });
  const lockFile = path.join(userData, LOCK);
  const temp = `${lockFile}.${process.pid}`;
  writeFileSync(temp, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temp, lockFile);
        hold(userData, lockFile);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (ownerAlive(lockFile)) {
        handOver(userData, additionalData);
        return false;
      }
      rmSync(lockFile, { force: true }); // its owner died without releasing it
    }
    throw new Error('electron shim: could not take the single-instance lock');
  } finally {
    rmSync(temp, { force: true });
  }
}

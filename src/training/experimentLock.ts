// One writer per experiment folder: a job holds a lock on its folder (proper-lockfile's lock
// directory, kept fresh while the job runs) and notes its pid beside it, so a second process
// that would write the same folder is refused with a message naming the holder. A holder that
// died without releasing (kill -9) is recognised by its pid and its lock taken over.

import { hostname } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { makeFolders, writeFileAtomic } from '../core/runs/atomic';

const LOCK = '.lock';
const OWNER = '.lock-owner.json';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

function readOwner(dir: string): Owner | undefined {
  try {
    const o = JSON.parse(readFileSync(path.join(dir, OWNER), 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.since === 'string' ? (o as Owner) : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is someone else's
  }
}

/**
 * The holder's note. A holder writes it right after taking the lock, so a lock without one was
 * taken moments ago: wait for the note a little (a second at most) before saying "another process".
 */
async function ownerOf(dir: string): Promise<Owner | undefined> {
  for (let waited = 0; ; waited += 50) {
    const owner = readOwner(dir);
    if (owner || waited >= 1000) return owner;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Thrown when another process holds the folder. */
export class ExperimentLockedError extends Error {}

/**
 * Locks an experiment folder for this process (creating it); resolves with the release
 * function. Rejects with ExperimentLockedError naming the holder when another live process has it.
 */
export async function lockExperiment(dir: string): Promise<() => Promise<void>> {
  makeFolders(dir);
  const options = {
    lockfilePath: path.join(dir, LOCK),
    realpath: false,
    retries: 0,
    // A holder refreshes its lock every 5 s; one not refreshed for 30 s was left by a process that is gone.
    stale: 30_000,
    update: 5_000,
    onCompromised: () => { /* the job goes on; the next writer will see the owner note */ },
  };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw new Error(`cannot lock ${dir}: ${(e as Error).message}`);
    const owner = await ownerOf(dir);
    if (owner && owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid)) {
      // Left by a process that was killed: nobody is writing, the folder is ours.
      rmSync(options.lockfilePath, { recursive: true, force: true });
      release = await lockfile.lock(dir, options);
    } else {
      const who = owner ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since}` : 'another process';
      throw new ExperimentLockedError(`${dir} is being written by ${who}; wait for it to finish or stop it`);
    }
  }
  writeFileAtomic(path.join(dir, OWNER), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Owner));
  return async () => {
    rmSync(path.join(dir, OWNER), { force: true });
    await release().catch(() => undefined); // already released or taken over: nothing of ours is left
  };
}

// Atomic file writes: write a temporary file beside the target, flush it, rename it over the
// target. A reader sees the old file or the new one, never half of one (rename is atomic on POSIX
// and on NTFS within a folder).

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Creates a folder and its missing parents one level at a time, so a path that cannot hold
 * folders fails at once with the level that refused (a recursive mkdir spins forever on /proc).
 */
export function makeFolders(dir: string): void {
  const target = path.resolve(dir);
  const levels: string[] = [];
  for (let d = target; ; d = path.dirname(d)) {
    levels.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const level of levels) {
    let isDir: boolean;
    try {
      isDir = statSync(level).isDirectory();
    } catch {
      try {
        mkdirSync(level);
        continue;
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EEXIST' && statSync(level).isDirectory()) continue; // made by another process meanwhile
        throw new Error(`cannot create the folder ${level} (for ${target}): ${err.code ?? err.message}`);
      }
    }
    if (!isDir) throw new Error(`cannot use ${target}: ${level} is a file, not a folder`);
  }
}

/** Makes sure `dir` exists and can hold files, by writing and removing a small file in it. */
export function ensureWritableFolder(dir: string): void {
  makeFolders(dir);
  const probe = path.join(dir, `.actlab-write-probe-${process.pid}`);
  try {
    writeFileAtomic(probe, 'probe');
  } catch (e) {
    throw new Error(`the folder ${path.resolve(dir)} cannot hold files: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    rmSync(probe, { force: true });
  }
}

export function writeFileAtomic(file: string, data: string | Uint8Array | Uint8Array[]): void {
  makeFolders(path.dirname(file));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const parts = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : Array.isArray(data) ? data : [data];
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    for (const part of parts) {
      let done = 0;
      while (done < part.length) done += writeSync(fd, part, done, part.length - done);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

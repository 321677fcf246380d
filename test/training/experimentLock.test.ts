// One writer per experiment folder: a second lock is refused naming the holder's pid; a holder
// killed without releasing leaves a lock the next writer takes over; a released lock leaves no trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExperimentLockedError, lockExperiment } from '../../src/training/experimentLock';

function holder(dir: string) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(__dirname, 'fixtures', 'holdLock.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { if (String(d).includes('locked')) resolve(); });
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code} before locking`)));
  });
  return { child, locked };
}

test('a second writer in this process is refused; after release the folder can be locked again and holds no lock files', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'actlab-lock-')), 'exp');
  try {
    const release = await lockExperiment(dir);
    await assert.rejects(lockExperiment(dir), (e: Error) => e instanceof ExperimentLockedError && new RegExp(`being written by process ${process.pid}`).test(e.message));
    await release();
    assert.deepEqual(readdirSync(dir), [], 'no lock directory or owner note left behind');
    await (await lockExperiment(dir))();
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test('another process holding the folder is named by its pid; killed with SIGKILL, its lock is taken over', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'actlab-lock-')), 'exp');
  const { child, locked } = holder(dir);
  try {
    await locked;
    await assert.rejects(lockExperiment(dir), new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is being written by process ${child.pid}, since `));
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
    assert.ok(existsSync(path.join(dir, '.lock')), 'the killed holder left its lock');
    const release = await lockExperiment(dir);
    await release();
  } finally {
    child.kill('SIGKILL');
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});

test('a folder that cannot exist is a clear error, not a hang', async () => {
  await assert.rejects(lockExperiment('/proc/self/actlab-exp'), /cannot create the folder \/proc\/self\/actlab-exp/);
  await assert.rejects(lockExperiment('/dev/null/exp'), /\/dev\/null is a file, not a folder/);
});

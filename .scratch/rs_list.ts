/**
 * Every run folder under `runsDir` with its record, or the error that kept it from loading. An
 * entry that cannot be looked at (a dangling link, no permission) is listed with the reason
 * instead of ending the listing: listing never throws.
 */
export function listRuns(runsDir: string): { dir: string; record?: RunRecord; error?: string }[] {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return [];
  }
  const out: { dir: string; record?: RunRecord; error?: string }[] = [];
  for (const name of names.sort()) {
    const dir = path.join(runsDir, name);
    const kind = entryKind(dir);
    if (kind === 'other') continue;
    if (kind !== 'dir') {
      out.push({ dir, error: kind });
      continue;
    }
    if (!existsSync(path.join(dir, RUN_FILE))) continue;
    try {
      out.push({ dir, record: loadRunRecord(dir) });
    } catch (e) {
      out.push({ dir, error: (e as Error).message });
    }
  }
  return out;
}

/** 'dir' for a folder (or a link to one), 'other' for anything else that is fine to skip, or why it cannot be looked at. */
function entryKind(p: string): string {
  try {
    return statSync(p).isDirectory() ? 'dir' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let link = false;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      // gone between the listing and now
    }
    if (link && code === 'ENOENT') return `${path.basename(p)} is a link to a missing folder`;
    if (code === 'ENOENT') return 'other';
    return `${path.basename(p)} cannot be read (${code ?? (e as Error).message})`;
  }
}

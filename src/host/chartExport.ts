import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../core/runs/atomic';
import type { ChartFormat } from '../protocol/messages';

/** The bytes of an exported chart: SVG text as UTF-8, a PNG data URL decoded. */
export function chartBytes(format: ChartFormat, data: string): Uint8Array {
  if (format === 'svg') return Buffer.from(data, 'utf8');
  const bytes = Buffer.from(data.slice(data.indexOf(',') + 1), 'base64');
  // PNG signature: \x89 P N G \r \n \x1a \n
  if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('the chart image is not a PNG');
  return bytes;
}

/** Asks where to save a chart, then writes it atomically. Resolves with the path, or undefined if dismissed. */
export async function exportChart(format: ChartFormat, name: string, data: string, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const bytes = chartBytes(format, data);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Chart'),
    defaultUri: vscode.Uri.file(path.join(folder, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.${format}`)),
    filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
  });
  if (!target) return undefined;
  if (target.scheme === 'file') writeFileAtomic(target.fsPath, bytes);
  else await vscode.workspace.fs.writeFile(target, bytes);
  log.info(`exported chart ${name} to ${target.toString()}`);
  return target.fsPath;
}

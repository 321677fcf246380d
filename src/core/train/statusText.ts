// A run's status in words, one vocabulary for every surface that shows one (the CLI's tables and
// progress, report.html, the lab's pages, VS Code's notifications, pickers and status bar). The
// English words are the statuses' own names, as results.json writes them.
import type { UiLanguage } from '../locale';
import type { RunStatus } from './results';

export const RUN_STATUS_TEXT: Readonly<Record<UiLanguage, Readonly<Record<RunStatus, string>>>> = {
  en: { queued: 'queued', running: 'running', completed: 'completed', cancelled: 'cancelled', diverged: 'diverged', failed: 'failed' },
  'zh-cn': { queued: '排队中', running: '训练中', completed: '已完成', cancelled: '已停止', diverged: '已发散', failed: '失败' },
};

/** A status in the UI language: 'completed', '已完成'. */
export function runStatusText(status: RunStatus, lang: UiLanguage): string {
  return RUN_STATUS_TEXT[lang][status];
}

const STOPPED: Readonly<Record<UiLanguage, { after: string; before: string }>> = {
  en: { after: 'stopped after {0}/{1} epochs', before: 'stopped before it started' },
  'zh-cn': { after: '第 {0}/{1} 轮后停止', before: '开始前已停止' },
};

/**
 * How far a run got, in words: a stopped run says after how many of its epochs it stopped (or that
 * it never started); every other status is its word.
 */
export function runStateText(run: { status: RunStatus; history: { length: number } }, epochs: number, lang: UiLanguage): string {
  if (run.status !== 'cancelled') return runStatusText(run.status, lang);
  return run.history.length ? STOPPED[lang].after.replace('{0}', String(run.history.length)).replace('{1}', String(epochs)) : STOPPED[lang].before;
}

// How `actlab train` and `actlab sweep` word a run's ending and where an experiment went, in the
// reader's language, with the one status vocabulary of every surface.
import path from 'node:path';
import type { UiLanguage } from '../../core/locale';
import { REPORT_FILE, RESULTS_FILE, type ResultsRun } from '../../core/runs/resultsFile';
import { runStatusText } from '../../core/train/statusText';
import { LATEST } from '../../training/experiments';
import { translator, type Translate } from '../l10n';

/** How a run that did not complete ended: 'diverged at epoch 3, batch 120', 'failed: …', 'cancelled'. */
export function endText(r: Pick<ResultsRun, 'status' | 'error' | 'divergence'>, lang: UiLanguage): string {
  const tr = translator(lang);
  const status = runStatusText(r.status, lang);
  if (r.error) return tr('train.statusWith', { status, detail: r.error });
  if (r.status === 'diverged' && r.divergence) return tr('train.divergedAt', { epoch: r.divergence.epoch, batch: r.divergence.batch });
  return status;
}

/** Where the experiment was written: results.json, report.html, and the `latest` link. */
export function whereLines(outDir: string, report: boolean, tr: Translate): string[] {
  return [
    tr('train.results', { path: path.join(outDir, RESULTS_FILE) }),
    ...(report ? [tr('train.report', { path: path.join(outDir, REPORT_FILE) })] : []),
    tr('train.latest', { path: path.join(path.dirname(outDir), LATEST) }),
  ];
}

/**
 * Why a checkpoint cannot continue a run with `config`, or null when it can. Everything but the
 * epoch count must match (more epochs extends a finished run); the message names each setting
 * that differs. A checkpoint holding every epoch can continue: only the test pass is left.
 */
export function resumeMismatch(checkpoint: Checkpoint, config: TrainConfig): string | null {
  const differing = settingDifferences(checkpoint.config, config);
  if (differing.length) {
    return `the run was started with different settings: ${differing.slice(0, 6).join('; ')}${differing.length > 6 ? `; and ${differing.length - 6} more` : ''}`;
  }
  if (checkpoint.epoch > config.epochs) return `the checkpoint already has ${checkpoint.epoch} epochs, more than the ${config.epochs} asked for`;
  return null;
}

/** Each setting (epochs aside) whose value differs, as "seed 42 then, 7 now". */
export function settingDifferences(then: TrainConfig, now: TrainConfig): string[] {
  const a = (then ?? {}) as unknown as Record<string, unknown>;
  const b = (now ?? {}) as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'epochs').sort();
  const show = (v: unknown): string => (v === undefined ? 'unset' : clipped(stableJson(v)));
  return keys.filter((k) => stableJson(a[k]) !== stableJson(b[k])).map((k) => `${k} ${show(a[k])} then, ${show(b[k])} now`);
}

const clipped = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Why a run's weights.bin cannot be used with its record (damaged, missing, or other layer sizes), or null. */
export function weightsProblem(dir: string, record: Pick<RunRecord, 'sizes'>): string | null {
  const problem = tensorFileProblem(path.join(dir, WEIGHTS_FILE), 'weights');
  if (problem) return problem;
  const sizes = loadWeights(dir).sizes;
  if (Array.isArray(record.sizes) && stableJson(sizes) !== stableJson(record.sizes)) {
    return `${WEIGHTS_FILE} holds layers ${sizes.join('-')}, ${RUN_FILE} says ${record.sizes.join('-')}`;
  }
  return null;
}

/**
 * A run that already finished with these settings: its record, when run.json says completed with
 * every epoch and a test result and its weights.bin loads and checks out (checksums, layer sizes).
 * Resuming a whole experiment keeps such runs as they are instead of training them again; a run
 * whose weights are damaged is not finished (storedRunState says what can be recovered).
 */
export function finishedRun(dir: string, config: TrainConfig): RunRecord | undefined {
  let record: RunRecord;
  try {
    record = loadRunRecord(dir);
  } catch {
    return undefined;
  }
  const finished = record.status === 'completed' && record.test !== undefined && record.history.length === config.epochs;
  return finished && stableJson(record.config) === stableJson(config) && weightsProblem(dir, record) === null ? record : undefined;
}

/** What a run folder holds for resuming with `config`, each stored file checked. */
export interface StoredRunState {
  /**
   * 'finished': keep the run as it is (record). 'resume': continue from the checkpoint, which may
   * already hold every epoch (then only the test pass is left, and weights.bin is written again).
   * 'restart': nothing usable was stored. 'mismatch': the checkpoint was made with other settings.
   */
  action: 'finished' | 'resume' | 'restart' | 'mismatch';
  record?: RunRecord;
  checkpoint?: Checkpoint;
  /** One line per damaged file: what it was, what is recovered from where, what is lost. */
  notes: string[];
  /** For 'mismatch': the settings that differ. */
  problem?: string;
}

/**
 * Checks a run folder before resuming it: run.json, weights.bin and checkpoint.bin, each loaded
 * with its checksums. A finished run with damaged weights resumes from a checkpoint that holds
 * every epoch (its parameters are the final weights); a damaged run.json is rebuilt from the
 * checkpoint's settings and history, the test result measured again. The notes say what was
 * recovered and what was not.
 */
export function storedRunState(dir: string, config: TrainConfig): StoredRunState {
  const notes: string[] = [];
  let record: RunRecord | undefined;
  let recordProblem: string | undefined;
  try {
    record = loadRunRecord(dir);
  } catch (e) {
    if ((e as RunFormatError).problem !== 'missing') recordProblem = (e as Error).message;
  }
  const finished = record !== undefined && record.status === 'completed' && record.test !== undefined &&
    record.history.length === config.epochs && stableJson(record.config) === stableJson(config);
  const weights = finished ? weightsProblem(dir, record!) : null;
  if (finished && weights === null) return { action: 'finished', record, notes };

  let checkpoint: Checkpoint | undefined;
  let checkpointProblem: string | undefined;
  if (hasCheckpoint(dir)) {
    try {
      checkpoint = loadCheckpoint(dir);
    } catch (e) {
      checkpointProblem = (e as Error).message;
    }
  }
  if (checkpoint) {
    const mismatch = resumeMismatch(checkpoint, config);
    if (mismatch) return { action: 'mismatch', record, notes, problem: mismatch };
  }
  const complete = checkpoint !== undefined && checkpoint.epoch === config.epochs;
  if (recordProblem) {
    notes.push(checkpoint
      ? `${recordProblem}; its settings and ${checkpoint.epoch} epochs of history are recovered from ${CHECKPOINT_FILE}` +
        `${complete ? ' and its test result is measured again from the final weights' : ''}; its start time and kernel name are lost`
      : `${recordProblem}; with no usable ${CHECKPOINT_FILE} nothing of the run is recovered: it is trained again from the start`);
  }
  if (finished && weights) {
    notes.push(complete
      ? `${weights}; it is written again from ${CHECKPOINT_FILE}, which holds the weights after epoch ${checkpoint!.epoch}`
      : `${weights}; ${CHECKPOINT_FILE} ${checkpointProblem ? 'is damaged too' : 'does not hold the last epoch'}, so the run is trained again`);
  }
  if (checkpointProblem) {
    const kept = record?.history.length ? `the ${record.history.length} epochs ${RUN_FILE} lists cannot be continued; ` : '';
    notes.push(`${checkpointProblem}; ${kept}the run starts again from epoch 1`);
  }
  if (checkpoint) return { action: 'resume', record, checkpoint, notes };
  return { action: 'restart', record, notes };
}


/** A run file that cannot be used: missing, damaged, or from a newer format version. */
export class RunFormatError extends Error {
  constructor(readonly problem: 'missing' | 'damaged' | 'newer-version' | 'mismatch', message: string) {
    super(message);
    this.name = 'RunFormatError';
  }
}

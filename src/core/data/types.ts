// A dataset as plain data (no Node imports: the protocol and the webview read these types).

export interface DatasetSplit {
  /** (count, rows*cols) unsigned bytes, 0 = background. */
  images: Uint8Array;
  /** (count) class indices. */
  labels: Uint8Array;
  count: number;
}

/** A dataset as plain data: structured-clonable, so it posts to a worker sharing its buffers. */
export interface Dataset {
  /** 'mnist', 'fashion-mnist' or the folder's name. */
  name: string;
  /** Where the files came from (a folder). */
  source: string;
  rows: number;
  cols: number;
  classes: number;
  classNames: string[];
  train: DatasetSplit;
  test: DatasetSplit;
  /** Whether the files matched the reference sha256 (only checked for bundled MNIST). */
  verified: boolean;
}

// The guide: the tutorial's parts (why non-linearity, advice per layer, considerations, the
// experiment's expected result, trends, questions, further reading) and the chooser.
export * from './content';
export * from './chooser';
export * from './nonLinearity';
export * from './experiment';
export * from './trends';
export * from './questions';
export * from './reading';

// The guide to choosing activations: content (advice per layer, considerations) and the chooser.
export * from './content';
export * from './chooser';

import type { CliCommand } from '../command';

// Placeholder until the trainer issue lands: says so plainly and fails, rather than pretending.
export const trainCommand: CliCommand = {
  name: 'train',
  summary: "run the tutorial's MNIST experiment (not implemented yet)",
  usage: 'actlab train',
  async run(_argv, io) {
    io.err('actlab train: the MNIST trainer is not implemented yet (see the trainer issue).');
    return 2;
  },
};

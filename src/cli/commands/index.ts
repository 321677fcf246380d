import type { CliCommand } from '../command';
import { trainCommand } from './train';

/** Every `actlab` subcommand, in the order `actlab help` lists them. */
export const cliCommands: CliCommand[] = [trainCommand];

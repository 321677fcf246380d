import type { CliCommand } from '../command';
import { trainCommand } from './train';
import { sweepCommand } from './sweep';
import { listCommand } from './list';
import { evalCommand } from './eval';
import { propsCommand } from './props';
import { gradientFlowCommand } from './gradientFlow';
import { exportCommand } from './export';
import { verifyCommand } from './verify';
import { codeCommand } from './code';

/** Every `actlab` subcommand, in the order `actlab help` lists them. */
export const cliCommands: CliCommand[] = [trainCommand, sweepCommand, listCommand, evalCommand, propsCommand, gradientFlowCommand, exportCommand, verifyCommand, codeCommand];

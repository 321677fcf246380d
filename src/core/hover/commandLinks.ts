// The lab commands a hover links to, their arguments, and `command:` URIs for Markdown links.
// The hover's MarkdownString trusts exactly these ids (isTrusted.enabledCommands).
import type { Framework } from '../activations/types';

export const HOVER_COMMANDS = {
  openLab: 'activationLab.openLab',
  compare: 'activationLab.compareActivations',
  guide: 'activationLab.openGuide',
  copyAsCode: 'activationLab.copyAsCode',
} as const;

export const HOVER_COMMAND_IDS: readonly string[] = Object.values(HOVER_COMMANDS);

/** `activationLab.openLab` from a hover: show this activation, with the parameters of the code. */
export interface OpenLabArgs {
  activation: string;
  framework?: Framework;
  params?: Record<string, number>;
}

/** `activationLab.compareActivations`: the activation ids. */
export type CompareActivationsArgs = string[];

/** `activationLab.openGuide` from a hover: open the guide at this activation. */
export interface OpenGuideArgs {
  activation: string;
}

/** `activationLab.copyAsCode` from a hover: this activation with the code's parameters, in the code's framework. */
export interface CopyAsCodeLinkArgs {
  activation: string;
  params?: Record<string, number>;
  framework?: Framework;
}

/**
 * `command:<id>?<args>` for a Markdown link: the arguments as a JSON array, percent-encoded, with
 * the parentheses encoded too so a name like `f(x)` cannot end the link early.
 */
export function commandUri(command: string, ...args: unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${query}`;
}

/**
 * The status bar item's tooltip (VS Code client): trusted Markdown, since its two links run the Show
 * Module Graph and Explain Selected Version commands. The server's `incomplete` text names modules
 * and files from the workspace, so it goes in only as escaped text (mdText): no link of its own.
 */
import { BuildListResult, Commands } from '../protocol';
import { mdText } from './markdown';

/** buildListTooltip is the tooltip's Markdown for a build-list answer. */
export function buildListTooltip(r: BuildListResult): string {
  const head = r.incomplete
    ? `Build list incomplete: ${mdText(r.incomplete)}\n\nClick to show the build list.`
    : `${r.count} modules in the build list (go list -m all). Click to show it.`;
  return `${head}\n\n[$(type-hierarchy) Show the module graph](command:${Commands.showModuleGraph}) · [$(question) Explain a selected version…](command:${Commands.explainVersion})`;
}

/** tooltipCommands are the commands the tooltip may run (its MarkdownString's isTrusted). */
export const tooltipCommands = [Commands.showModuleGraph, Commands.explainVersion];

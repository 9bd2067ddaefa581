/**
 * Documents as the handlers see them: a parsed go.mod, go.work or go.sum, and how a file the
 * workspace model does not hold (outside the folders, unsaved, untitled) is read.
 */
import { dirname } from 'node:path';
import { ModDoc, SumDoc, WorkDoc, WorkspaceView } from '../analysis/view';
import { parseModFile } from '../syntax/modfile';
import { parseSumFile } from '../syntax/sumfile';
import { parseWorkFile } from '../syntax/workfile';
import { LineIndex } from '../syntax/text';

export type AnyDoc = ModDoc | WorkDoc | SumDoc;

/**
 * docKind: how a file the session's model does not hold (outside the folders, or untitled) is read,
 * by its language id or file name; anything else is a go.mod when `orMod`, else not read.
 */
export function docKind(kind: string, orMod: boolean): 'sum' | 'work' | 'mod' | undefined {
  if (kind === 'go.sum' || kind.endsWith('.sum')) return 'sum';
  if (kind === 'go.work' || kind.endsWith('.work')) return 'work';
  return orMod || kind === 'go.mod' || kind.endsWith('.mod') ? 'mod' : undefined;
}

/** parseDoc parses such a file as `kind` says. */
export function parseDoc(file: string, text: string, kind: 'sum' | 'work' | 'mod'): AnyDoc {
  const dir = file.startsWith('/') ? dirname(file) : ''; // an untitled document has no directory
  if (kind === 'sum') return { file, text, lines: new LineIndex(text), sum: parseSumFile(text, file) };
  if (kind === 'work') return { file, dir, text, lines: new LineIndex(text), work: parseWorkFile(text, file) };
  return { file, dir, text, lines: new LineIndex(text), mod: parseModFile(text, { name: file }) };
}

/** ownerFile: the go.mod or go.work a document belongs with (a go.sum: its go.mod; go.work.sum: go.work). */
export function ownerFile(doc: AnyDoc): string {
  return 'sum' in doc ? doc.file.replace(/\.sum$/, '.mod').replace(/\.work\.mod$/, '.work') : doc.file;
}

/** inModel: the workspace model holds the file (its findings come from the analysis). */
export function inModel(ws: WorkspaceView, file: string): boolean {
  return ws.mods.has(file) || ws.works.has(file) || ws.sums.has(file);
}

/** viewText: a file's text as the view holds it — '' for a file that is there but cannot be read (its one finding says why). */
export function viewText(ws: WorkspaceView, file: string): string | undefined {
  return (ws.mods.get(file) ?? ws.works.get(file) ?? ws.sums.get(file))?.text;
}

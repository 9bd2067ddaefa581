/**
 * Applying a WorkspaceEdit in memory, as an editor would, so that quick fixes can be compared with
 * golden files without touching the disk. Pure; positions are UTF-16 code units as LSP specifies.
 */
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** EditError is a WorkspaceEdit the runner cannot apply (overlapping edits, resource operations). */
export class EditError extends Error {}

/** workspaceEditToChanges flattens `changes` and `documentChanges` into edits per URI (in order). */
export function workspaceEditToChanges(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  const add = (uri: string, edits: TextEdit[]): void => {
    out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) add(uri, edits);
  for (const dc of edit.documentChanges ?? []) {
    if (!('textDocument' in dc)) throw new EditError(`unsupported resource operation in documentChanges: ${JSON.stringify(dc)}`);
    add(dc.textDocument.uri, dc.edits.filter((e): e is TextEdit => 'newText' in e));
    if (dc.edits.some((e) => !('newText' in e))) throw new EditError(`snippet edits are not supported: ${JSON.stringify(dc)}`);
  }
  return out;
}

/** lineStarts is the offset of each line start (LSP counts \n, \r\n and \r as line ends). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

/** positionToOffset clamps as LSP says: a character past the line end means the line end. */
export function positionToOffset(text: string, starts: number[], p: Position): number {
  if (p.line >= starts.length) return text.length;
  const start = starts[p.line];
  let end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + p.character, end);
}

/** applyTextEdits applies edits that refer to the original text; overlapping edits are an error. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits.map((e, i) => ({
    start: positionToOffset(text, starts, e.range.start), end: positionToOffset(text, starts, e.range.end), text: e.newText, i,
  }));
  for (const s of spans) if (s.end < s.start) throw new EditError(`edit range ends before it starts: ${JSON.stringify(edits[s.i])}`);
  spans.sort((a, b) => a.start - b.start || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].end) {
      throw new EditError(`overlapping edits: ${JSON.stringify(edits[spans[k - 1].i])} and ${JSON.stringify(edits[spans[k].i])}`);
    }
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Offset ↔ LSP position conversion with one LineIndex per text (texts are immutable strings). */
import { Position, Range } from 'vscode-languageserver';
import { LineIndex } from '../syntax/text';

const byText = new Map<string, LineIndex>();

/** lineIndexOf returns a (cached) LineIndex for text; the cache keeps the last few texts. */
let last: { text: string; ix: LineIndex } | undefined;

export function lineIndexOf(text: string): LineIndex {
  if (last?.text === text) return last.ix; // the common case: many positions in one text in a row
  let ix = byText.get(text);
  if (!ix) {
    ix = new LineIndex(text);
    if (byText.size > 64) byText.clear();
    byText.set(text, ix);
  }
  last = { text, ix };
  return ix;
}

export function offsetToPosition(text: string, offset: number): Position {
  return lineIndexOf(text).offsetToLsp(Math.max(0, Math.min(offset, text.length)));
}

export function spanToRange(text: string, start: number, end: number): Range {
  return { start: offsetToPosition(text, start), end: offsetToPosition(text, Math.max(start, end)) };
}

export function positionToOffset(text: string, pos: Position): number {
  return lineIndexOf(text).lspToOffset(pos);
}

/**
 * Offset ↔ LSP position conversion over a text's LineIndex: a document's own (`doc.lines`), or one
 * from a LineIndexes its caller keeps.
 */
import { Position, Range } from 'vscode-languageserver';
import { LineIndex } from '../syntax/text';

export function offsetToPosition(lines: LineIndex, offset: number): Position {
  return lines.offsetToLsp(Math.max(0, Math.min(offset, lines.length)));
}

export function spanToRange(lines: LineIndex, start: number, end: number): Range {
  return { start: offsetToPosition(lines, start), end: offsetToPosition(lines, Math.max(start, end)) };
}

export function positionToOffset(lines: LineIndex, pos: Position): number {
  return lines.lspToOffset(pos);
}

/**
 * LineIndexes gives the LineIndex of the last few texts it was asked about (a text's index is made
 * once however many ranges are converted in it). Its owner decides how long it lives.
 */
export class LineIndexes {
  private readonly byText = new Map<string, LineIndex>();

  constructor(private readonly limit = 16) {}

  of(text: string): LineIndex {
    let ix = this.byText.get(text);
    if (!ix) {
      ix = new LineIndex(text);
      if (this.byText.size >= this.limit) this.byText.clear();
      this.byText.set(text, ix);
    }
    return ix;
  }
}

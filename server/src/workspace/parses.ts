/**
 * The parse memory of the workspace layer: the last few parses of each file, by text.
 */

export interface Parsed<T> {
  text: string;
  value: T;
}

/**
 * RecentParses keeps the last few parses of each file by text, so that a typo and its repair (or an
 * undo) find the parse of the text they come back to: the same document object, whose per-document
 * results (analysis/analyze.ts) are remembered too.
 */
export class RecentParses<T> {
  private readonly byFile = new Map<string, Parsed<T>[]>();

  constructor(private readonly keep = 3) {}

  get(file: string, text: string): T | undefined {
    return this.byFile.get(file)?.find((p) => p.text === text)?.value;
  }

  set(file: string, text: string, value: T): void {
    const list = (this.byFile.get(file) ?? []).filter((p) => p.text !== text);
    list.unshift({ text, value });
    this.byFile.set(file, list.slice(0, this.keep));
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  clear(): void {
    this.byFile.clear();
  }
}

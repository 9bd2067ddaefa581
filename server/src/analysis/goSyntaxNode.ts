/**
 * The structural view of a tree-sitter-go syntax tree that the pure analyses read, and small
 * helpers over it. web-tree-sitter's Node satisfies GoSyntaxNode; nothing here imports it.
 */

/** GoSyntaxPoint is a zero-based row and column (web-tree-sitter: UTF-16 code units for JS strings). */
export interface GoSyntaxPoint {
  readonly row: number;
  readonly column: number;
}

/** GoSyntaxNode is the part of a tree-sitter node this engine reads (web-tree-sitter's Node fits). */
export interface GoSyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startPosition: GoSyntaxPoint;
  readonly endPosition: GoSyntaxPoint;
  readonly namedChildren: readonly (GoSyntaxNode | null)[];
  readonly parent: GoSyntaxNode | null;
  childForFieldName(name: string): GoSyntaxNode | null;
  /**
   * The node itself and its descendants of the given types, in document order. Optional: a walk
   * over namedChildren does the same; web-tree-sitter's runs inside the parser, several times faster.
   */
  descendantsOfType?(types: string[]): readonly (GoSyntaxNode | null)[];
}

/** descendants is node.descendantsOfType, or the same walk over namedChildren. */
export function descendants(node: GoSyntaxNode, types: string[]): GoSyntaxNode[] {
  if (node.descendantsOfType) return node.descendantsOfType(types).filter((c): c is GoSyntaxNode => c !== null);
  const want = new Set(types);
  const out: GoSyntaxNode[] = [];
  const stack = [node];
  for (let x = stack.pop(); x; x = stack.pop()) {
    if (want.has(x.type)) out.push(x);
    const children = kids(x);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

/** kids returns the named children without null slots. */
export function kids(n: GoSyntaxNode): GoSyntaxNode[] {
  return n.namedChildren.filter((c): c is GoSyntaxNode => c !== null);
}

/** kidsNoComments returns the named children other than comments. */
export function kidsNoComments(n: GoSyntaxNode): GoSyntaxNode[] {
  return kids(n).filter((c) => c.type !== 'comment');
}

/** keyOf identifies a node within a file by type and start (no two nodes of a type start together here). */
export function keyOf(n: GoSyntaxNode): string {
  return `${n.type}@${n.startPosition.row}:${n.startPosition.column}`;
}

/** within reports whether n starts inside outer. */
export function within(n: GoSyntaxNode, outer: GoSyntaxNode): boolean {
  const p = n.startPosition;
  const s = outer.startPosition;
  const e = outer.endPosition;
  return (p.row > s.row || (p.row === s.row && p.column >= s.column)) && (p.row < e.row || (p.row === e.row && p.column < e.column));
}

/** unparen strips parentheses around an expression. */
export function unparen(e: GoSyntaxNode): GoSyntaxNode {
  while (e.type === 'parenthesized_expression') {
    const inner = kidsNoComments(e);
    if (inner.length !== 1) break;
    e = inner[0];
  }
  return e;
}

/** clip shortens a snippet for a feature name: one line, at most 40 characters. */
export function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length <= 40 ? one : one.slice(0, 39) + '…';
}

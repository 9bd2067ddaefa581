/**
 * The minimum Go version that a file's `//go:build` line implies (go/build/constraint's
 * `GoVersion`, Go 1.21+). Since Go 1.21 the compiler uses it to set that file's language version,
 * so a feature is allowed in a file whose build line already requires a Go release that has it.
 * Pure: works on the text of one comment.
 */

/** A parsed build expression; tags keep their text. */
type BuildExpr =
  | { kind: 'tag'; tag: string }
  | { kind: 'not'; x: BuildExpr }
  | { kind: 'and' | 'or'; x: BuildExpr; y: BuildExpr };

/**
 * goBuildExprOf returns the expression of a `//go:build` comment line, or undefined when the text
 * is not one (constraint.IsGoBuild: the prefix must be followed by a space, a tab or nothing, so
 * `//go:buildx` is not a build line) or does not parse.
 */
export function goBuildExprOf(line: string): string | undefined {
  const text = line.trim();
  if (!text.startsWith('//go:build')) return undefined;
  const rest = text.slice('//go:build'.length);
  const expr = rest.trim();
  if (rest !== '' && rest.length === expr.length) return undefined;
  return expr;
}

/**
 * goBuildMinorOf is constraint.GoVersion reduced to the minor number: the N of the lowest `go1.N`
 * that every way of satisfying the line's expression needs (0 for plain `go1`), or -1 when the
 * expression can be satisfied without a Go version tag, is not a `//go:build` line, or does not
 * parse. `&&` takes the higher requirement, `||` the lower, and a negated tag implies nothing.
 */
export function goBuildMinorOf(line: string): number {
  const text = goBuildExprOf(line);
  if (text === undefined) return -1;
  const expr = parseBuildExpr(text);
  return expr === undefined ? -1 : minVersion(expr, 1);
}

function minVersion(z: BuildExpr, sign: 1 | -1): number {
  switch (z.kind) {
    case 'not':
      return minVersion(z.x, sign === 1 ? -1 : 1);
    case 'and':
    case 'or': {
      const x = minVersion(z.x, sign);
      const y = minVersion(z.y, sign);
      const takeMax = (z.kind === 'and') === (sign === 1);
      return takeMax ? Math.max(x, y) : Math.min(x, y);
    }
    case 'tag':
      return sign === 1 ? tagMinor(z.tag) : -1;
  }
}

/** tagMinor is N for a go1.N tag (text after the first "go1." as a decimal), 0 for go1, else -1. */
function tagMinor(tag: string): number {
  if (tag === 'go1') return 0;
  const at = tag.indexOf('go1.');
  if (at < 0) return -1;
  const digits = tag.slice(at + 4);
  return /^[0-9]+$/.test(digits) ? Number(digits) : -1;
}

/** parseBuildExpr parses `||`, `&&`, `!`, parentheses and tags ([A-Za-z0-9_.]+); undefined on error. */
function parseBuildExpr(text: string): BuildExpr | undefined {
  const tokens = text.match(/&&|\|\||[!()]|[A-Za-z0-9_.]+|\S/g) ?? [];
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const parseOr = (): BuildExpr | undefined => {
    let x = parseAnd();
    while (x && peek() === '||') {
      pos++;
      const y = parseAnd();
      x = y && { kind: 'or', x, y };
    }
    return x;
  };
  const parseAnd = (): BuildExpr | undefined => {
    let x = parseNot();
    while (x && peek() === '&&') {
      pos++;
      const y = parseNot();
      x = y && { kind: 'and', x, y };
    }
    return x;
  };
  const parseNot = (): BuildExpr | undefined => {
    const t = tokens[pos++];
    if (t === '!') {
      const x = parseNot();
      return x && { kind: 'not', x };
    }
    if (t === '(') {
      const x = parseOr();
      return x && tokens[pos++] === ')' ? x : undefined;
    }
    return t !== undefined && /^[A-Za-z0-9_.]+$/.test(t) ? { kind: 'tag', tag: t } : undefined;
  };
  const expr = parseOr();
  return expr && pos === tokens.length ? expr : undefined;
}

/**
 * The difference of two `go list -m all` outputs in go get's words — what `go-mod-lens diff`'s
 * build-list delta must equal (its differential and real-project tests), and ours in the same form.
 */

/** listed: `go list -m all` lines as path → version (the main module, the first line, left out). */
export function listed(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [path, version] = line.split(' ');
    if (path) out.set(path, version ?? '');
  }
  return out;
}

/** goDelta: `added P V`, `removed P V`, `changed P V1 => V2`, sorted by path. */
export function goDelta(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const [from, to] = [before.get(path), after.get(path)];
    if (from === to) continue;
    out.push(from === undefined ? `added ${path} ${to}` : to === undefined ? `removed ${path} ${from}` : `changed ${path} ${from} => ${to}`);
  }
  return out;
}

/** oursDelta: diff --format json's Changes in goDelta's form (replacement-only changes left out). */
export function oursDelta(changes: { Path: string; From?: string; To?: string; Kind: string }[]): string[] {
  return changes.filter((c) => c.Kind !== 'replaced').map((c) =>
    c.Kind === 'added' ? `added ${c.Path} ${c.To}` : c.Kind === 'removed' ? `removed ${c.Path} ${c.From}` : `changed ${c.Path} ${c.From} => ${c.To}`);
}

/**
 * planGoGet: the edit `go get` makes to a go.mod's requirements (graph/whatIf.ts says which): a
 * version changed in place, a requirement dropped with its line, a new one added where
 * modfile.AddNewRequire puts it (with `// indirect` when go get marks it so), the `// indirect`
 * mark of a kept line set as go get wants it (SetRequireSeparateIndirect; it differs from the line
 * only where the line was dropped as excluded and the path came back), the go line set when go get adds or raises it, and the
 * toolchain line set or dropped ('') when go get changes it. Planned step by step on the text, then returned as the one
 * smallest edit that turns the old text into the new: every other byte stays as it was.
 */
import { parseModFile } from '../syntax/modfile';
import { TextEdit, applyEdits, minimalEdit } from './textEdit';
import { planAddRequire, planDropRequire, planSetGoVersion, planSetIndirect, planSetRequireVersion, planSetToolchain } from './planners';

export interface WantedRequire {
  path: string;
  version: string;
  indirect: boolean;
}

export function planGoGet(text: string, wanted: WantedRequire[], goLine?: string, toolchain?: string): TextEdit[] {
  const want = new Map(wanted.map((r) => [r.path, r]));
  let cur = text;
  const step = (plan: (f: ReturnType<typeof parseModFile>) => TextEdit[]): void => {
    const edits = plan(parseModFile(cur, { name: 'go.mod' }));
    if (edits.length > 0) cur = applyEdits(cur, edits);
  };
  const have = parseModFile(cur, { name: 'go.mod' }).require;
  const present = new Set(have.map((r) => r.mod.path));
  for (const path of present) {
    const w = want.get(path);
    if (!w) step((f) => planDropRequire(f, path));
    else if (have.find((r) => r.mod.path === path)?.mod.version !== w.version || have.filter((r) => r.mod.path === path).length > 1) step((f) => planSetRequireVersion(f, path, w.version));
  }
  for (const w of wanted) if (!present.has(w.path)) step((f) => planAddRequire(f, w.path, w.version, w.indirect));
  for (const w of wanted) {
    if (present.has(w.path)) step((f) => f.require.filter((r) => r.mod.path === w.path).flatMap((r) => planSetIndirect(r, w.indirect)));
  }
  if (goLine !== undefined) step((f) => (f.go?.version === goLine ? [] : planSetGoVersion(f, goLine)));
  if (toolchain !== undefined) step((f) => ((f.toolchain?.name ?? '') === toolchain ? [] : planSetToolchain(f, toolchain)));
  const edit = minimalEdit(text, cur);
  return edit ? [edit] : [];
}


/**
 * vendor-inconsistent: a main module (module mode) whose vendor directory the go command uses — go
 * line ≥ 1.14 and no -mod in GOFLAGS, or -mod=vendor — while vendor/modules.txt does not match
 * go.mod. Every build stops then with `go: inconsistent vendoring in DIR` (graph/vendor.ts has the
 * check and Go's lines); each line of that report goes on the require or replace it is about, the
 * others on the module line.
 */
import { VendorGoMod, parseModulesTxt, vendorConsistencyErrors, vendorModeDefault } from '../graph/vendor';
import { Finding } from './findings';
import { ModDoc, WorkspaceView } from './view';

export function vendorFindings(doc: ModDoc, ws: WorkspaceView): Finding[] {
  const facts = ws.vendor?.get(doc.file);
  if (!facts || ws.mainOf.get(doc.file) !== doc.file) return [];
  const f = doc.mod;
  const mode = vendorModeDefault(f.go?.version, true, ws.goflagsMod || undefined, { workspace: false, vendorIsForWorkspace: facts.modulesTxt?.workspace ?? false });
  if (mode.mod !== 'vendor' || mode.error) return [];
  const goMod: VendorGoMod = {
    modulePath: f.module?.path,
    require: f.require.map((r) => ({ path: r.mod.path, version: r.mod.version })),
    replace: f.replace.map((r) => ({ old: { path: r.old.path, version: r.old.version }, new: { path: r.new.path, version: r.new.version } })),
  };
  const issues = vendorConsistencyErrors(facts.modulesTxt ?? parseModulesTxt(''), goMod, f.go?.version, { localGoVersion: ws.toolchain });
  const moduleLine = f.module?.line ?? { start: 0, end: 0 };
  const why = mode.explicit ? 'with -mod=vendor' : `the go line is ${f.go?.version ?? ''} and a vendor directory exists, so the go command builds from it`;
  return issues.map((i): Finding => {
    const line = i.index === undefined ? moduleLine
      : i.code.startsWith('require') ? f.require[i.index]?.line ?? moduleLine
        : f.replace[i.index]?.line ?? moduleLine;
    const message = i.code === 'go-too-new'
      ? `${i.mod.path} in vendor/modules.txt ${i.detail}: every build stops`
      : `inconsistent vendoring: ${i.message} — ${why}, and every build stops (go: inconsistent vendoring in ${doc.dir}); run go mod vendor, or build with -mod=mod`;
    return { code: 'vendor-inconsistent', file: doc.file, start: line.start, end: line.end, message };
  });
}

/**
 * The editor's wording of what the workspace layer reports in its own words (the CLI words the same
 * facts for the command line: cliGraph.ts).
 */
import { ModuleKey } from '../graph/mvs';

/**
 * missingGoModMessage says that go.mod files are not available offline and how to get them, in the
 * editor's terms (the goModLens.network setting); `own`: the diagnostic sits on the require of that
 * very module version. Short on purpose: it may be sent again after every keystroke.
 */
export function missingGoModMessage(missing: readonly ModuleKey[], own: boolean, networkOn: boolean): string {
  const network = networkOn ? '' : ' (or enable goModLens.network)';
  if (missing.length > 1) {
    const names = missing.slice(0, 3).map((m) => `${m.path}@${m.version}`).join(', ');
    return `the build list is incomplete: the go.mod files of ${missing.length} modules are not in the module cache (${names}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}); run go mod download here${network}`;
  }
  const m = missing[0];
  const what = own ? "this module's go.mod" : `the go.mod of ${m.path}@${m.version}`;
  return `the build list is incomplete: ${what} is not in the module cache; run go mod download ${m.path}@${m.version}${network}`;
}

/**
 * Quick fixes, chosen by the diagnostic's code and data (never its message), with edits computed
 * against the current text of the file they change — which may be another file than the one the
 * diagnostic is in (the main go.mod for `replace-ineffective`).
 */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { FixData } from '../analysis/findings';
import { planAddReplace, planSetGoVersion, planSetRequireVersion, planSetToolchain } from '../edits/planners';
import { TextEdit, minimalEdit } from '../edits/textEdit';
import { parseModFile } from '../syntax/modfile';
import { parseWorkFile } from '../syntax/workfile';
import { formatModFile, formatWorkFile } from '../syntax/format';
import { DiagnosticData } from './diagnostics';
import { spanToRange } from './positions';
import { LineIndex } from '../syntax/text';
import { URI } from './uri';

/** planFix computes the text edits of one fix against `text`, the target file's current content (undefined: not applicable). */
export function planFix(data: FixData, text: string): TextEdit[] | undefined {
  const isWork = data.target.endsWith('go.work');
  switch (data.kind) {
    case 'add-replace': {
      const f = isWork ? parseWorkFile(text, data.target) : parseModFile(text, { name: data.target });
      if (f.syntax.stmts.length === 0 && text.trim() !== '') return undefined;
      return planAddReplace(f, data.old, data.new);
    }
    case 'set-go': {
      if (isWork) return undefined;
      return planSetGoVersion(parseModFile(text, { name: data.target }), data.version);
    }
    case 'set-require': {
      const f = parseModFile(text, { name: data.target });
      if (!f.require.some((r) => r.mod.path === data.path)) return undefined;
      return planSetRequireVersion(f, data.path, data.version);
    }
    case 'replace-text': {
      if (text.slice(data.start, data.end) !== data.old) return undefined; // the text moved on since
      return [{ start: data.start, end: data.end, newText: data.text }];
    }
    case 'set-toolchain': {
      if (isWork) return undefined;
      const f = parseModFile(text, { name: data.target });
      if (f.errors.length > 0) return undefined;
      return planSetToolchain(f, data.name);
    }
    case 'preview-go-get':
      return undefined; // a command, not an edit (quickFixes)
  }
}

export function toLspEdits(text: string, edits: TextEdit[]): LspTextEdit[] {
  const lines = new LineIndex(text);
  return edits.map((e) => ({ range: spanToRange(lines, e.start, e.end), newText: e.newText }));
}

/**
 * quickFixes builds the code actions for the go-mod-lens diagnostics in a request's context; a
 * preview (go get's what-if) only for a client that runs the what-if command (`whatIfCommand`).
 */
export function quickFixes(diagnostics: Diagnostic[], textOf: (file: string) => string | undefined, lookup: (d: Diagnostic) => DiagnosticData | undefined, whatIfCommand?: string): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'go-mod-lens') continue;
    const data = (d.data as DiagnosticData | undefined)?.fixes ? (d.data as DiagnosticData) : lookup(d);
    for (const fix of data?.fixes ?? []) {
      if (fix.data.kind === 'preview-go-get') {
        if (whatIfCommand) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: fix.title, command: whatIfCommand, arguments: [URI.file(fix.data.target), fix.data.path, [], fix.data.version] }, isPreferred: out.length === 0 });
        continue;
      }
      const text = textOf(fix.data.target);
      if (text === undefined) continue;
      const edits = planFix(fix.data, text);
      if (!edits || edits.length === 0) continue;
      const edit: WorkspaceEdit = { changes: { [URI.file(fix.data.target)]: toLspEdits(text, edits) } };
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit, isPreferred: out.length === 0 });
    }
  }
  return out;
}

/** formatEdits: Format Document, the canonical printer (`go mod edit -fmt`); nothing when the file does not parse. */
export function formatEdits(file: string, text: string): LspTextEdit[] {
  const r = file.endsWith('go.work') ? formatWorkFile(text, file) : formatModFile(text, file);
  const edit = r.ok ? minimalEdit(text, r.text) : undefined;
  return edit ? [{ range: spanToRange(new LineIndex(text), edit.start, edit.end), newText: edit.newText }] : [];
}

/**
 * `.go-mod-lens.json` (issue 18): what the parser accepts and the messages for what it refuses, and
 * the JSON schema VS Code validates the file with (package.json jsonValidation) listing exactly the
 * diagnostic codes and levels the parser knows.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingCodes } from '../../src/analysis/findings';
import { parseRepoConfig } from '../../src/analysis/repoConfig';
import { repoRoot } from '../oracle/env';

describe('.go-mod-lens.json', () => {
  it('reads severities per code; a BOM, $schema and an empty file object are fine', () => {
    assert.deepEqual(parseRepoConfig('\uFEFF{"$schema": "x", "diagnostics": {"severity": {"replace-unused": "off", "retracted": "error"}}}', 'f'), { severity: { 'replace-unused': 'off', 'retracted': 'error' } });
    assert.deepEqual(parseRepoConfig('{}', 'f'), { severity: {} });
  });

  it('refuses what it does not know, naming the file and the key', () => {
    const cases: [string, RegExp][] = [
      ['{', /^cfg\.json: not JSON: /],
      ['[]', /^cfg\.json: want an object/],
      ['{"diagnostic": {}}', /unknown key "diagnostic" \(known: diagnostics\)/],
      ['{"diagnostics": {"severities": {}}}', /diagnostics: unknown key "severities"/],
      ['{"diagnostics": {"severity": []}}', /diagnostics\.severity: want an object/],
      ['{"diagnostics": {"severity": {"no-such": "off"}}}', /unknown diagnostic code "no-such"/],
      ['{"diagnostics": {"severity": {"syntax": "fatal"}}}', /diagnostics\.severity\.syntax: "fatal" is not error, warning, information, hint or off/],
    ];
    for (const [text, want] of cases) {
      const r = parseRepoConfig(text, 'cfg.json');
      assert.equal(typeof r, 'string', text);
      assert.match(r as string, want, text);
    }
  });

  it('the schema in package.json lists exactly the codes and levels the parser takes', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    const entry = pkg.contributes.jsonValidation.find((j) => j.fileMatch === '.go-mod-lens.json');
    assert.ok(entry);
    const schema = JSON.parse(readFileSync(join(repoRoot, entry.url), 'utf8')) as { properties: { diagnostics: { properties: { severity: { properties: Record<string, { enum: string[] }> } } } } };
    const codes = schema.properties.diagnostics.properties.severity.properties;
    assert.deepEqual(Object.keys(codes).sort(), [...findingCodes].sort());
    for (const c of Object.values(codes)) assert.deepEqual(c.enum, ['error', 'warning', 'information', 'hint', 'off']);
  });
});

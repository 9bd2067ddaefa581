// The extension manifest (package.json): settings a workspace could use against its user are
// restricted in untrusted workspaces — the program to run, the folder to read as the module cache or
// as the vulnerability database, network access — so an untrusted folder's .vscode/settings.json cannot point the server at a FIFO
// or turn on the network (issue 20).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';

interface Manifest {
  contributes: { configuration: { properties: Record<string, { tags?: string[]; scope?: string }> } };
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
}

describe('package.json: untrusted workspaces', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
  const untrusted = manifest.capabilities.untrustedWorkspaces;

  it('supports them with restricted settings', () => {
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['goModLens.goBinary', 'goModLens.moduleCache', 'goModLens.network', 'goModLens.vulnDB']);
  });

  it('restricts every setting that uses online services, and only settings that exist', () => {
    const props = manifest.contributes.configuration.properties;
    for (const [name, p] of Object.entries(props)) {
      if (p.tags?.includes('usesOnlineServices')) assert.ok(untrusted.restrictedConfigurations?.includes(name), name);
    }
    for (const name of untrusted.restrictedConfigurations ?? []) assert.ok(props[name], `${name} is not a setting`);
  });
});

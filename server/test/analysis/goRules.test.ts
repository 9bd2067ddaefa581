/**
 * go-above-toolchain wording for every toolchain regime (semantics §6.2–6.4), and the pseudo-version
 * message format fixed by the issue; pure tests over a minimal WorkspaceView.
 */
import * as assert from 'node:assert/strict';
import { looksPseudo, pseudoMessage } from '../../src/analysis/fileRules';
import { toolchainFindings } from '../../src/analysis/goRules';
import { WorkspaceView } from '../../src/analysis/view';

function view(toolchain: string | undefined): WorkspaceView {
  return {
    mods: new Map(), works: new Map(), sums: new Map(), builds: new Map(), mainOf: new Map(), problems: new Map(),
    toolchain, emulate: toolchain ?? '1.25', features: new Map(), gotoolchain: '', hasFile: () => false,
    cache: { goModHash: () => undefined, zipHash: () => undefined, goModFile: () => undefined, versions: () => [], goMod: () => undefined },
  };
}

describe('go-above-toolchain', () => {
  const span = { start: 0, end: 4 };
  const table: { desc: string; local?: string; go: string; mode: string; want?: RegExp[] }[] = [
    { desc: 'unknown toolchain: nothing to say', go: '1.30', mode: '' },
    { desc: 'not newer', local: '1.22.3', go: '1.22.3', mode: '' },
    { desc: 'older language version than the toolchain patch', local: '1.22.3', go: '1.22', mode: '' },
    { desc: 'GOTOOLCHAIN=local refuses', local: '1.21.5', go: '1.23.0', mode: 'local', want: [/go\.mod requires go >= 1\.23\.0 \(running go 1\.21\.5; GOTOOLCHAIN=local\)/] },
    { desc: 'auto switches, naming the release of a bare language version', local: '1.21.5', go: '1.23', mode: '', want: [/GOTOOLCHAIN=auto the go command switches to go1\.23\.0/] },
    { desc: 'NAME+auto switches', local: '1.22.0', go: '1.24.1', mode: 'go1.22.0+auto', want: [/switches to go1\.24\.1/] },
    { desc: 'before 1.21: advisory note', local: '1.19.8', go: '1.20', mode: '', want: [/predates toolchain switching/, /note: module requires Go 1\.20/] },
    { desc: 'before 1.21 with a three-part go line', local: '1.19.8', go: '1.21.0', mode: '', want: [/cannot even parse a go line like "go 1\.21\.0"/] },
  ];
  for (const t of table) {
    it(t.desc, () => {
      const ws = view(t.local);
      const got = toolchainFindings('/m/go.mod', t.go, span, ws, t.mode);
      if (!t.want) return assert.deepEqual(got, []);
      assert.equal(got.length, 1);
      assert.equal(got[0].code, 'go-above-toolchain');
      for (const re of t.want) assert.match(got[0].message, re);
    });
  }
});

describe('pseudo-version messages', () => {
  it('use the exact form of the issue', () => {
    assert.equal(pseudoMessage('v0.0.0-20191109021931-daa7c04131f5'), 'pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC');
    assert.equal(pseudoMessage('v1.2.4-0.20191109021931-daa7c04131f5'), 'pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC, after v1.2.3');
    assert.equal(pseudoMessage('v1.2.4-pre.0.20191109021931-daa7c04131f5'), 'pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC, after v1.2.4-pre');
    assert.equal(pseudoMessage('v2.0.1-0.20191109021931-daa7c04131f5+incompatible'), 'pseudo-version: commit daa7c04131f5 from 2019-11-09 02:19:31 UTC, after v2.0.0+incompatible');
    // Go's PseudoVersionBase rejects vX.0.0-…+incompatible: no base tag, yet "incompatible" with one
    assert.equal(pseudoMessage('v2.0.0-20191109021931-daa7c04131f5+incompatible'), undefined);
    assert.equal(pseudoMessage('v1.2.3'), undefined);
  });
  it('recognise the shape of malformed ones without flagging tags', () => {
    assert.ok(looksPseudo('v0.0.0-20191309021931-daa7c04131f5'));
    assert.ok(!looksPseudo('v1.2.3'));
    assert.ok(!looksPseudo('v1.2.3-rc.1'));
    assert.ok(!looksPseudo('v0.0.0-2019'));
    assert.ok(looksPseudo('v0.0.0-20231103022937-8589b6a'), 'a short revision: go rejects it when it fetches');
    // a tag that resembles a pseudo-version (traefik's github.com/ultradns/ultradns-go-sdk): go fetches it as a tag
    assert.ok(!looksPseudo('v1.6.1-20231103022937-8589b6a'));
    assert.ok(!looksPseudo('v1.2.3-20191109021931-daa7c04131f5'));
  });
});

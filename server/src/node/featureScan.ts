/**
 * createFeatureScanner adapts the .go language-feature scanner (tree-sitter Go) to the session: one
 * scanner, with its per-file cache, per server. If the parser cannot load, go-below-features is
 * not reported and the reason is logged once.
 */
import { FeatureNeed } from '../analysis/view';
import { GoFeatureScanCancelled, GoFeatureScanner } from './goFeatureScan';

export type ScanFeatures = (moduleDir: string) => Promise<FeatureNeed | undefined>;

export function createFeatureScanner(log: (m: string) => void): ScanFeatures {
  const scanner = new GoFeatureScanner();
  let broken = false;
  return async (dir) => {
    if (broken) return undefined;
    try {
      const r = await scanner.scanModule(dir);
      if (r.required === '' || !r.first) return undefined;
      const f = r.first;
      return { required: r.required, first: { file: f.file, line: f.line, character: f.character, feature: f.feature, version: f.version } };
    } catch (err) {
      if (err instanceof GoFeatureScanCancelled) return undefined;
      broken = true;
      log(`go-mod-lens: the Go parser could not run, so go-below-features is off: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
}

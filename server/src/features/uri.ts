/** file URI ↔ absolute path, for file: URIs (the only scheme whose files the go command can see). */
import { fileURLToPath, pathToFileURL } from 'node:url';

export const URI = {
  file(path: string): string {
    return pathToFileURL(path).href;
  },
  /** toPath returns the absolute path of a file: URI, or undefined for other schemes (untitled:, …). */
  toPath(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
};

/**
 * The `.go-mod-lens.json` of each workspace folder (analysis/repoConfig.ts), read when the folders
 * are set and again when the file changes; a file is governed by the config of the innermost folder
 * that holds it.
 */
import { join, sep } from 'node:path';
import { Level, REPO_CONFIG_NAME, parseRepoConfig } from '../analysis/repoConfig';
import { readTextFile } from './goEnv';

export class RepoConfigs {
  private byFolder = new Map<string, Record<string, Level>>();

  constructor(private readonly log: (message: string) => void, private readonly read: (file: string) => string | undefined = readTextFile) {}

  /** load reads the config of every folder (a malformed one is logged and ignored). */
  load(folders: readonly string[]): void {
    const next = new Map<string, Record<string, Level>>();
    for (const folder of folders) {
      const file = join(folder, REPO_CONFIG_NAME);
      const text = this.read(file);
      if (text === undefined) continue;
      const config = parseRepoConfig(text, file);
      if (typeof config === 'string') this.log(`go-mod-lens: ignoring the repository settings: ${config}`);
      else next.set(folder, config.severity);
    }
    this.byFolder = next;
  }

  /** isConfigFile: whether a changed file is one of the configs (the caller loads them again). */
  isConfigFile(file: string): boolean {
    return file.endsWith(sep + REPO_CONFIG_NAME) || file.endsWith('/' + REPO_CONFIG_NAME);
  }

  /** severityFor: the severities the config of the innermost folder holding `file` sets (none: empty). */
  severityFor(file: string): Record<string, Level> {
    let best = '';
    for (const folder of this.byFolder.keys()) {
      const inside = file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
      if (inside && folder.length > best.length) best = folder;
    }
    return best === '' ? {} : this.byFolder.get(best) ?? {};
  }
}

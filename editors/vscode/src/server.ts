// Which csa binary the extension runs: the one the user set, else the one the platform
// package carries (bin/csa, bin/csa.exe), else `csa` on PATH. A universal package has
// no bin/, so it behaves as before: the setting, then PATH.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { findExecutable } from './binary';

/** The setting, then its older name, kept working for existing configurations. */
export const PATH_SETTINGS = ['csa.path', 'csa.server.path'] as const;

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ServerChoice {
  /** Where the binary comes from. */
  source: ServerSource;
  /** The setting it comes from, when `source` is `setting`. */
  setting?: (typeof PATH_SETTINGS)[number];
  /** What was looked for: the setting's value, the bundled path, or `csa`. */
  wanted: string;
  /** The file to run; undefined when it is missing. */
  binary?: string;
}

/** Where a platform package carries its binary. */
export function bundledBinary(extensionPath: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(extensionPath, 'bin', platform === 'win32' ? 'csa.exe' : 'csa');
}

/**
 * Chooses the binary. A setting that names a missing file is reported as missing
 * rather than passed over, so that a typing slip is noticed.
 */
export function chooseServer(
  settings: Partial<Record<(typeof PATH_SETTINGS)[number], string | undefined>>,
  extensionPath: string,
  env: NodeJS.ProcessEnv = process.env,
  base: string | undefined = undefined,
): ServerChoice {
  for (const setting of PATH_SETTINGS) {
    const value = settings[setting]?.trim();
    if (value) return { source: 'setting', setting, wanted: value, binary: findExecutable(value, env, base) };
  }
  const bundled = bundledBinary(extensionPath);
  if (fs.existsSync(bundled)) {
    makeExecutable(bundled);
    const binary = findExecutable(bundled, env);
    if (binary) return { source: 'bundled', wanted: bundled, binary };
  }
  return { source: 'path', wanted: 'csa', binary: findExecutable('csa', env) };
}

/**
 * An unpacked package may lose the executable bit (some unzip tools drop it); the
 * file is the extension's own, so it is safe to restore.
 */
function makeExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) === 0) fs.chmodSync(file, mode | 0o755);
  } catch {
    // Not ours to change (a read-only install): findExecutable then says it is missing.
  }
}

/** Where the binary comes from, in words for the output channel and the status bar. */
export function describeChoice(choice: ServerChoice): string {
  switch (choice.source) {
    case 'setting':
      return `the setting ${choice.setting} (${choice.binary ?? choice.wanted})`;
    case 'bundled':
      return `the csa bundled with the extension (${choice.binary ?? choice.wanted})`;
    case 'path':
      return `csa on PATH (${choice.binary ?? 'not found'})`;
  }
}

/** Why nothing runs, for a choice with no binary. */
export function missingMessage(choice: ServerChoice): string {
  if (choice.source === 'setting') {
    const where = /[/\\]/.test(choice.wanted) ? `at \`${choice.wanted}\`` : `\`${choice.wanted}\` on PATH`;
    return `csa: cannot find the csa binary (${where}, from the setting ${choice.setting}).`;
  }
  return 'csa: cannot find the csa binary (this copy of the extension carries none, and there is no `csa` on PATH).';
}

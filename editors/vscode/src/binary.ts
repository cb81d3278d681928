// Finding the csa binary before starting it, so that a missing one gets a clear
// message rather than a spawn error.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The file `command` runs: a path (absolute, `~/...`, or relative to `base`) when it
 * contains a separator, else the first match on `PATH` (with `PATHEXT` on Windows).
 * Undefined when there is none.
 */
export function findExecutable(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  base: string | undefined = undefined,
): string | undefined {
  let cmd = command.trim();
  if (cmd === '') return undefined;
  if (cmd === '~' || cmd.startsWith('~/')) cmd = path.join(os.homedir(), cmd.slice(1));
  const windows = process.platform === 'win32';
  const exts = windows ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e)] : [''];
  if (cmd.includes('/') || (windows && cmd.includes('\\'))) {
    const full = path.isAbsolute(cmd) ? cmd : path.resolve(base ?? process.cwd(), cmd);
    return exts.map((e) => full + e).find(isExecutableFile);
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((d) => d);
  for (const dir of dirs) {
    const found = exts.map((e) => path.join(dir, cmd + e)).find(isExecutableFile);
    if (found) return found;
  }
  return undefined;
}

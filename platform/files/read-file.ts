// Reading a file the coordinator names (the campaign file, the roster, a saved mail), at the
// edge: the domain only parses bytes. Every way a path can fail becomes a sentence for the
// coordinator, never an errno and a stack.

import { readFileSync, statSync } from 'node:fs';

/** Far beyond any campaign file or list of 371 municipalities; a bigger file is the wrong one. */
const MAX_BYTES = 20 * 1024 * 1024;

export type FileBytes = { ok: true; bytes: Buffer } | { ok: false; message: string };

export function readFileBytes(path: string): FileBytes {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stat.size > MAX_BYTES) {
      return {
        ok: false,
        message: `is ${Math.round(stat.size / 1024 / 1024)} MB, too large to be the file meant`,
      };
    }
    return { ok: true, bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'no such file' };
    if (code === 'ENOTDIR')
      return { ok: false, message: 'no such file (a folder in the path is a file)' };
    if (code === 'EACCES' || code === 'EPERM') {
      return { ok: false, message: 'cannot be read (permission denied)' };
    }
    return { ok: false, message: `cannot be read (${code ?? (error as Error).message})` };
  }
}

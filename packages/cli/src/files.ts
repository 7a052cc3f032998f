import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { INPUT_EXTENSIONS } from './formats.js';

/** Files, directories (recursively) and globs to a sorted list of input files; unmatched words are returned too. */
export async function expandInputs(patterns: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const pattern of patterns) {
    const info = await stat(pattern).catch(() => undefined);
    if (info?.isFile()) files.add(resolve(pattern));
    else if (info?.isDirectory()) for (const f of await walk(pattern)) files.add(f);
    else {
      const matched = /[*?[{]/.test(pattern) ? await glob(pattern, { absolute: true, onlyFiles: true }) : [];
      if (matched.length) matched.forEach((f) => files.add(resolve(f)));
      else missing.push(pattern);
    }
  }
  return { files: [...files].sort(), missing };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (INPUT_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.endsWith('.expected.json')) out.push(resolve(path));
  }
  return out;
}

/** `<out-dir>/<input name>.<ext>`: refused if it would land outside the output directory or on an input. */
export function outputPath(input: string, ext: string, outDir: string, inputs: ReadonlySet<string>): string | { refused: string } {
  const name = basename(input).replace(/\.[^.]+$/, '');
  const target = resolve(outDir, `${name}.${ext}`);
  const rel = relative(resolve(outDir), target);
  if (rel.startsWith('..') || isAbsolute(rel)) return { refused: `${target} is outside ${outDir}` };
  if (inputs.has(target)) return { refused: `${target} is an input and is never overwritten` };
  return target;
}

/**
 * Writes through a temporary file and a rename, so an interrupted run never leaves half a file.
 * Synchronous on purpose: it runs in a batch worker, where blocking costs nothing and a hop through
 * the thread pool per call cost more than the write.
 */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`); // matches TEMP_FILE
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The temporary files writeAtomic makes: `.<name>.<8 hex digits>.tmp`. */
const TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;

/** Removes what an interrupted batch left half-written in `dir`. */
export function removeTempFiles(dir: string): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) if (TEMP_FILE.test(name)) rmSync(join(dir, name), { force: true });
}

import { threadId } from 'node:worker_threads';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { INPUT_EXTENSIONS, OUTPUT_FORMATS } from './formats.js';
import { isOwnOutput } from './ownOutput.js';
import { isWebAddress, webPageName } from './source.js';
import { systemReason } from '@report-convert/core/systemError';

/** An input file and the name its outputs take under the output directory (no extension; may hold subfolders). */
export interface BatchInput {
  path: string;
  name: string;
  /** Another input whose outputs would have this one's names: this one is not converted, so nothing is overwritten. */
  sameNameAs?: string;
}

/** An input given that yields no file: a word matching nothing, or a folder that cannot be read (the rest of the batch goes on). */
export interface UnreadInput {
  input: string;
  why: string;
  whyZh: string;
}

const notFound = (input: string): UnreadInput => ({ input, why: 'no such input', whyZh: '找不到输入' });

/**
 * Files, directories (recursively), globs and web addresses to a sorted list of inputs; what yields no
 * file is returned too. Walking skips `outDir` when it lies inside an input directory, and, when a walked
 * directory is the output directory or inside it, the outputs an earlier run wrote there (earlierOutputs):
 * a second run does not take the first run's outputs for inputs.
 */
export async function expandInputs(patterns: string[], outDir?: string): Promise<{ inputs: BatchInput[]; unread: UnreadInput[]; ownOutputs: string[] }> {
  const roots = new Map<string, string | undefined>(); // file → the directory it was found under
  const unread: UnreadInput[] = [];
  const realOutDir = outDir && realPath(resolve(outDir));
  for (const pattern of patterns) {
    if (isWebAddress(pattern)) {
      if (URL.canParse(pattern)) setOnce(roots, pattern, undefined);
      else unread.push(notFound(pattern));
      continue;
    }
    const info = await stat(pattern).catch(() => undefined);
    if (info?.isFile()) setOnce(roots, resolve(pattern), undefined);
    else if (info?.isDirectory()) for (const f of await walk(pattern, realOutDir, unread)) setOnce(roots, f, resolve(pattern));
    else {
      const matched = /[*?[{]/.test(pattern) ? await glob(pattern, { absolute: true, onlyFiles: true }) : [];
      if (matched.length) matched.forEach((f) => setOnce(roots, resolve(f), undefined));
      else unread.push(notFound(pattern));
    }
  }
  const found = [...roots.keys()].sort().map((path) => ({ path, root: roots.get(path) }));
  const ownOutputs = realOutDir ? earlierOutputs(found, realOutDir) : new Set<string>();
  return { inputs: outputNames(found.filter(({ path }) => !ownOutputs.has(path))), unread, ownOutputs: [...ownOutputs] };
}

/**
 * Walked files in the output directory that report-convert wrote from another input: where that
 * input's output goes (its name, or its name with its extension, as outputNames gives them; whatever
 * the options), a folder walked into itself or one inside it (out/in into out, whose in/x.txt writes
 * out/in/x.json), and carrying our writers' mark (isOwnOutput). An agency's own 2017.pdf beside its
 * 2017.docx is read as the input it is. Only files so placed are opened.
 */
function earlierOutputs(files: { path: string; root?: string | undefined }[], realOutDir: string): Set<string> {
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  const writers = new Map<string, string[]>(); // an output's name without its extension → the inputs whose outputs take it
  for (const file of files)
    for (const name of new Set([inputName(file), inputName(file) + extname(file.path)].map(key))) writers.set(name, [...(writers.get(name) ?? []), file.path]);
  // Where each walked folder lies in the output directory: '' in place, 'in' for out/in walked into out.
  const placeInOutDir = new Map<string | undefined, string>();
  for (const root of new Set(files.map((file) => file.root))) if (root !== undefined && isWithin(realOutDir, realPath(root))) placeInOutDir.set(root, relative(realOutDir, realPath(root)));
  const named = files.filter((file) => placeInOutDir.has(file.root) && (OUTPUT_FORMATS as readonly string[]).includes(extname(file.path).slice(1).toLowerCase()) && writers.get(key(join(placeInOutDir.get(file.root)!, inputName(file))))?.some((writer) => writer !== file.path));
  return new Set(named.map(({ path }) => path).filter(isOwnOutput));
}

function setOnce<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/**
 * Files with an input ending under `dir`, leaving out `skipDir`, hidden files and folders (.git, and
 * the ._ copies macOS leaves on USB drives), the ~$ lock files Word and Excel keep beside an open
 * document, and our own migration records (*.migration.json, when the outputs went beside the
 * inputs), none of which is a report. Links are followed (an archive that links each year's folder in),
 * each real folder walked once, so a link back up the tree ends there. A folder that cannot be read
 * (no permission) goes to `unread`, and the walk goes on.
 */
async function walk(dir: string, skipDir: string | undefined, unread: UnreadInput[], out: string[] = [], walked = new Set([realPath(dir)])): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    const why = systemReason(error);
    unread.push({ input: dir, why: `cannot read this folder (${why.en})`, whyZh: `无法读取此文件夹（${why.zh}）` });
    return [];
  });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const path = join(dir, entry.name);
    const target = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry; // a dangling link is nothing
    if (target?.isDirectory()) {
      const real = realPath(path);
      if (real !== skipDir && !walked.has(real)) await walk(path, skipDir, unread, out, walked.add(real));
    } else if (target?.isFile() && INPUT_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.endsWith('.expected.json') && !entry.name.endsWith('.migration.json')) out.push(resolve(path));
  }
  return out;
}

/**
 * Output names that never make two inputs write one file:
 * - a file found by walking a directory keeps its subfolders (archive/2016/市发改委.doc → 2016/市发改委),
 *   since archives repeat file names across years and agencies; any other input keeps its bare name;
 * - inputs that would still write one file (2019.html and 2019.docx; r.txt, whose migration record
 *   r.migration.json is the JSON of r.migration.txt) keep their extension: 2019.html, 2019.docx;
 * - any that still would (a/x.txt and b/x.txt given as files) are not converted but the first, and say why.
 * Every file a name may write is compared, whatever the options, so a name does not change with them;
 * ignoring case, as Windows and macOS file systems do.
 */
export function outputNames(files: { path: string; root?: string | undefined }[]): BatchInput[] {
  const named = files.map((file) => ({ path: file.path, name: inputName(file) }) as BatchInput);
  const clashing = (inputs: BatchInput[]) => {
    const byFile = new Map<string, BatchInput[]>();
    for (const input of inputs)
      for (const file of outputFiles(input.name.normalize('NFC').toLowerCase())) {
        const group = byFile.get(file);
        if (group) group.push(input);
        else byFile.set(file, [input]);
      }
    return [...byFile.values()].filter((group) => group.length > 1);
  };
  for (const input of new Set(clashing(named).flat())) input.name += extname(input.path);
  for (const [first, ...rest] of clashing(named)) for (const input of rest) input.sameNameAs ??= first!.path;
  return named;
}

/** The name an input's outputs take before any clash: its subfolders kept if walked, its extension dropped. */
const inputName = ({ path, root }: { path: string; root?: string | undefined }) => (isWebAddress(path) ? webPageName(path) : (root ? relative(root, path) : basename(path)).replace(/\.[^./\\]*$/, ''));

/** Every file an input named `name` may write: one per format, and the migration record. */
const outputFiles = (name: string) => [...OUTPUT_FORMATS.map((format) => `${name}.${format}`), `${name}.migration.json`];

/** Why an output is not written, in both languages. */
export type Refused = { refused: { message: string; messageZh: string } };

/** An output the system does not let us write (a name too long, a folder where it goes), in both languages. */
export function unwritable(target: string, error: unknown): Refused['refused'] {
  const why = systemReason(error);
  return { message: `cannot write ${target} (${why.en})`, messageZh: `无法写入 ${target}（${why.zh}）` };
}

/**
 * `<out-dir>/<input name>.<ext>`: refused if it would land outside the output directory, by its name
 * or through a link in it (out/2019 → /elsewhere; a linked --out-dir is its real folder, and is
 * fine), or on an input. `inputs` holds the inputs' identities (fileIdentity), which every name of a
 * file shares: a link to an input, an input through a linked --out-dir, and, on Windows and macOS
 * disks, R.docx for an input R.DOCX. `realFolders` keeps the folders resolved so far, for a run to
 * resolve each once: a batch of thousands writes to a few. A name the system refuses (ENAMETOOLONG)
 * is said as such.
 */
export function outputPath(input: BatchInput, ext: string, outDir: string, inputs: ReadonlySet<string>, realFolders = new Map<string, string>()): string | Refused {
  const target = resolve(outDir, `${input.name}.${ext}`);
  const outside = (landsIn?: string): Refused => ({
    refused: {
      message: `refused to write: ${target} is outside ${outDir}${landsIn ? `: a link leads it to ${landsIn}` : ''}`,
      messageZh: `拒绝写入：${target} 在输出目录 ${outDir} 之外${landsIn ? `：经链接实际位于 ${landsIn}` : ''}`,
    },
  });
  if (!isWithin(resolve(outDir), target)) return outside();
  const landsIn = realFolder(dirname(target), realFolders);
  if (!isWithin(realFolder(resolve(outDir), realFolders), landsIn)) return outside(landsIn);
  let identity: string | undefined;
  try {
    identity = fileIdentity(target);
  } catch (error) {
    return { refused: unwritable(target, error) }; // said before anything of the input is written
  }
  if (identity !== undefined && inputs.has(identity)) return { refused: { message: `refused to write: ${target} is an input and is never overwritten`, messageZh: `拒绝写入：${target} 是输入文件，不会被覆盖` } };
  return target;
}

const isWithin = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return !rel.split(sep).includes('..') && !isAbsolute(rel);
};

/** A folder with every link followed; one not made yet is its nearest existing parent's, followed by the rest of its path. */
function realFolder(dir: string, known: Map<string, string>): string {
  let real = known.get(dir);
  if (real === undefined) {
    try {
      real = realpathSync.native(dir);
    } catch {
      real = dirname(dir) === dir ? dir : join(realFolder(dirname(dir), known), basename(dir));
    }
    known.set(dir, real);
  }
  return real;
}

/** The device and inode of the file a path names, following links; undefined when there is none (or it is a web address). */
export function fileIdentity(path: string): string | undefined {
  const info = statSync(path, { bigint: true, throwIfNoEntry: false });
  return info && `${info.dev}:${info.ino}`;
}

/** The path with every link followed; itself when it does not exist (or is a web address). */
export function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/**
 * Writes through a temporary file and a rename, so an interrupted run never leaves half a file. The
 * temporary file carries the run's id, so that run removes its own and no other's (removeTempFiles).
 * Synchronous on purpose: it runs in a batch worker, where blocking costs nothing and a hop through
 * the thread pool per call cost more than the write.
 */
export function writeAtomic(path: string, bytes: Uint8Array, runId: string): void {
  // Named apart from the output, so that an output name near the system's limit still has a temporary file;
  // by thread too, as every worker of a run counts its own.
  const temp = join(dirname(path), `.${runId}-${threadId}-${(tempCount++).toString(36)}${TEMP_ENDING}`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

const TEMP_ENDING = '.report-convert.tmp';
let tempCount = 0;

/**
 * Removes what the run `runId` left half-written: its temporary files, in the directories it writes
 * to. Another run's, even in the same directory, and files of that pattern elsewhere are not its own.
 */
export function removeTempFiles(inputs: BatchInput[], outDir: string, runId: string): void {
  for (const dir of new Set(inputs.map((input) => dirname(resolve(outDir, input.name)))))
    for (const name of existsSync(dir) ? readdirSync(dir) : []) if (name.startsWith(`.${runId}-`) && name.endsWith(TEMP_ENDING)) rmSync(join(dir, name), { force: true });
}

/**
 * mkdir -p, one level at a time from the nearest folder that exists. Node's own recursive mkdirSync
 * (20.x) loops for ever where a parent exists but refuses the child with ENOENT (under /proc), and a
 * synchronous loop ignores Ctrl-C and SIGTERM: --out-dir /proc/x hung the CLI. Errors are thrown as mkdir gives them;
 * a file at `path` is ENOTDIR.
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  // A file where the folder should be (--out-dir report.txt): said as the folder's problem, not each output's.
  if (!missing.length && !statSync(path).isDirectory()) throw Object.assign(new Error(`${path} is not a directory`), { code: 'ENOTDIR' });
  for (const dir of missing) mkdirSync(dir);
}

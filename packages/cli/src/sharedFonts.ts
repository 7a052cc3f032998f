import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_FONT, type FontSource, type PdfFonts } from '@report-convert/to-pdf/fonts';

/**
 * The PDF fonts by role, the default included, each file read once into memory that a batch's
 * workers share and the font check parses in place. A CJK font is megabytes (the default, 15 MB):
 * each worker reading its own copy kept that much more resident per core. A font named by a face of
 * a collection (`file.ttc#Face`), or one that cannot be read, stays a path: loading it says why.
 */
export function sharedFonts(paths: { [Role in keyof PdfFonts]?: string }): PdfFonts {
  const shared = new Map<string, FontSource>();
  const share = (path: string): FontSource => {
    if (!shared.has(path)) shared.set(path, readShared(path) ?? path);
    return shared.get(path)!;
  };
  return Object.fromEntries(Object.entries({ body: DEFAULT_FONT, ...paths }).map(([role, path]) => [role, share(path)]));
}

/** A file's bytes read straight into shared memory (through a Buffer, a second copy stayed resident), or undefined when it cannot be read. */
function readShared(path: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const bytes = new Uint8Array(new SharedArrayBuffer(stat.size));
    for (let at = 0, read = 1; at < stat.size && read > 0; at += read) read = readSync(fd, bytes, at, stat.size - at, at);
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

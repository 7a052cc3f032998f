import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { OUTPUT_CREATOR } from '@report-convert/core/outputCreator';

/** Read at most this much of a zip's directory or a PDF's cross-reference table: ours list some twenty parts, or objects per page. */
const MAX_INDEX_BYTES = 2 ** 20;

/** A file's bytes from `position`, as many of `length` as it holds. */
type ReadAt = (position: number, length: number) => Buffer;

/**
 * Whether report-convert wrote this output, by the mark its writer leaves, reading only what leads to
 * the mark: a walk meets thousands of files, and an agency's own may be large. A file that cannot be
 * read, or is not laid out as ours are, is not ours.
 */
export function isOwnOutput(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const at: ReadAt = (position, length) => {
      const bytes = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      readSync(fd!, bytes, 0, bytes.length, position);
      return bytes;
    };
    const ext = extname(path).toLowerCase();
    if (ext === '.json') return OWN_MODEL.test(at(0, 64).toString('utf8'));
    if (ext === '.docx' || ext === '.xlsx') return packageCreator(at, size) === OUTPUT_CREATOR;
    if (ext === '.pdf') return pdfCreator(at, size) === OUTPUT_CREATOR;
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Our JSON model: its first two fields, as the writer gives them (JSON.stringify of a Report). */
const OWN_MODEL = /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*"meta"\s*:/;

/**
 * dc:creator in an Office package's core properties. fflate, which core opens packages with, takes
 * the whole file: this reads the zip's directory at its end, then docProps/core.xml alone.
 */
function packageCreator(at: ReadAt, size: number): string | undefined {
  if (size < 22) return undefined;
  const end = at(size - 22, 22); // the end record: the last 22 bytes of a zip without a comment, as ours are
  if (end.readUInt32LE(0) !== 0x06054b50 || end.readUInt32LE(12) > MAX_INDEX_BYTES) return undefined;
  const directory = at(end.readUInt32LE(16), end.readUInt32LE(12));
  for (let entry = 0; entry + 46 <= directory.length; entry += 46 + directory.readUInt16LE(entry + 28) + directory.readUInt16LE(entry + 30) + directory.readUInt16LE(entry + 32)) {
    if (directory.toString('utf8', entry + 46, entry + 46 + directory.readUInt16LE(entry + 28)) !== 'docProps/core.xml') continue;
    const offset = directory.readUInt32LE(entry + 42);
    const local = at(offset, 30);
    const packed = at(offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), directory.readUInt32LE(entry + 20));
    const method = directory.readUInt16LE(entry + 10);
    const xml = method === 8 ? inflateRawSync(packed, { maxOutputLength: 2 ** 16 }) : method === 0 ? packed : undefined;
    return xml && /<dc:creator>([^<]*)<\/dc:creator>/.exec(xml.toString('utf8'))?.[1];
  }
  return undefined;
}

/**
 * The Creator in a PDF's information, as pdfkit writes it: the trailer names the information object,
 * the cross-reference table before it (one section, an entry every 20 bytes) says where that and its
 * Creator string are. The file's end and those two objects are read.
 */
function pdfCreator(at: ReadAt, size: number): string | undefined {
  const tail = at(Math.max(0, size - 1024), 1024).toString('latin1'); // %%EOF is within the last 1024 bytes
  const xref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
  if (!(xref < size) || size - xref > MAX_INDEX_BYTES) return undefined;
  const table = at(xref, size - xref).toString('latin1');
  const section = /^xref\s+0 \d+\s+/.exec(table)?.[0];
  const info = /\/Info (\d+) 0 R/.exec(table)?.[1];
  if (section === undefined || info === undefined) return undefined;
  const object = (id: string, length: number) => at(Number(table.slice(section.length + 20 * Number(id)).slice(0, 10)), length).toString('latin1');
  const creator = /^\d+ 0 obj\s*<<[^>]*\/Creator (\d+) 0 R/.exec(object(info, 512))?.[1];
  return creator === undefined ? undefined : /^\d+ 0 obj\s*\(([^)]*)\)/.exec(object(creator, 64))?.[1];
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
export const isOldOfficeFile = (bytes: Uint8Array) => OLE.every((b, i) => bytes[i] === b);

/**
 * Converts an old binary .doc or .xls, or WPS's .wps or .et (named by `input`, a path or web address), through LibreOffice
 * (when the user asks for it and soffice is installed), in a private profile so that parallel
 * conversions do not share one.
 */
export async function convertOldOffice(bytes: Uint8Array, input: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string; messageZh: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'report-convert-lo-'));
  try {
    const spreadsheet = /\.(xls|et)$/i.test(input);
    const target = spreadsheet ? 'xlsx' : 'docx';
    // LibreOffice tells the binary formats apart by content; the ending only picks Writer or Calc.
    const copy = join(dir, spreadsheet ? 'input.xls' : 'input.doc');
    await writeFile(copy, bytes);
    await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', target, '--outdir', dir, copy], { timeout: 120_000 });
    const out = (await readdir(dir)).find((f) => f.endsWith(`.${target}`));
    if (!out) return { ok: false, message: 'LibreOffice could not convert the file', messageZh: 'LibreOffice 无法转换该文件' };
    return { ok: true, bytes: await readFile(join(dir, out)) };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return missing
      ? { ok: false, message: 'LibreOffice (soffice) is not installed; save the file as .docx/.xlsx instead', messageZh: '未安装 LibreOffice（soffice），请将文件另存为 .docx/.xlsx' }
      : { ok: false, message: `LibreOffice failed: ${(error as Error).message.split('\n')[0]}`, messageZh: `LibreOffice 转换失败：${(error as Error).message.split('\n')[0]}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

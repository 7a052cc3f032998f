import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Report, generateReport, writeReportAs } from '@report-convert/core';
import { CORPUS_DIR } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { displayWidth } from './columns.js';

// The built CLI, run as a user runs it (turbo builds every package before its tests).
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 120_000 });
const seed = (name: string) => join(CORPUS_DIR, 'seeds', name);

describe('report-convert convert', () => {
  it('converts a directory to every format, one output per input and format', () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const r = run(['convert', join(CORPUS_DIR, 'seeds'), '--to', 'docx,xlsx,pdf,json', '--out-dir', out]);
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(out).sort();
    expect(written.filter((f) => f.endsWith('.json'))).toHaveLength(5);
    expect(written.filter((f) => f.endsWith('.pdf'))).toHaveLength(5);
    expect(written.some((f) => f.endsWith('.tmp'))).toBe(false);
    const model = Report.parse(JSON.parse(readFileSync(join(out, '004_b5b9a5615959bd1c.json'), 'utf8')));
    expect(model.legacy?.['org.staff']).toBe(2);
    // 004's failed check, and 000, which states no year (reader.noYear).
    expect(r.stderr).toContain('共 5 个文件：转换 5 个（其中 2 个有检查问题）\n');
    expect(r.stderr).toMatch(/000_7b493fb4be35eb87\.txt：1 个检查问题/);
    expect(r.stderr).toMatch(/004_b5b9a5615959bd1c\.txt：2 个检查问题/); // a batch counts findings per file
  });

  it('never lets two inputs write one output: subfolders are kept, clashing names keep their extension', () => {
    const archive = mkdtempSync(join(tmpdir(), 'cli-archive-'));
    for (const year of ['2016', '2017']) {
      mkdirSync(join(archive, year));
      copyFileSync(seed('004_b5b9a5615959bd1c.txt'), join(archive, year, '市发改委.txt'));
    }
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(archive, '2019.txt'));
    copyFileSync(seed('003_315724d04121e9e1.txt'), join(archive, '2019.md'));
    copyFileSync(join(CORPUS_DIR, 'real', '09-shuyang-drc-2023.html'), join(archive, '2023.shtml')); // a page saved as served
    writeFileSync(join(archive, '~$2019.docx'), 'lock'); // Word's lock file beside an open document
    writeFileSync(join(archive, '._2019.txt'), '\x00\x05\x16\x07'); // macOS's shadow of a file on a USB drive
    const out = join(archive, 'out'); // inside the walked directory
    const first = run(['convert', archive, '--to', 'json', '--out-dir', out]);
    expect(first.status, first.stderr).toBe(0);
    const written = () => readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
    expect(written()).toEqual(['2016/市发改委.json', '2017/市发改委.json', '2019.md.json', '2019.txt.json', '2023.json']);
    const json = (name: string) => Report.parse(JSON.parse(readFileSync(join(out, name), 'utf8')));
    expect(json('2019.txt.json').meta.title).not.toBe(json('2019.md.json').meta.title);
    // A second run does not take the first run's outputs for inputs.
    const second = run(['convert', archive, '--to', 'json', '--out-dir', out]);
    expect(second.stderr).toContain('共 5 个文件：转换 5 个');
    expect(written()).toHaveLength(5);
    // The same name from two folders given as files: the first is converted, the other says why.
    const clash = run(['convert', join(archive, '2016', '市发改委.txt'), join(archive, '2017', '市发改委.txt'), '--to', 'json', '--out-dir', join(archive, 'flat'), '--lang', 'en']);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/2017\/市发改委\.txt: not converted: its outputs would overwrite those of .*2016\/市发改委\.txt/);
    expect(readdirSync(join(archive, 'flat'))).toEqual(['市发改委.txt.json']);
  });

  it('converts a folder into itself again without taking its own outputs for inputs: they are skipped, counted, and said why', () => {
    const archive = mkdtempSync(join(tmpdir(), 'cli-in-place-'));
    mkdirSync(join(archive, '2016'));
    copyFileSync(seed('004_b5b9a5615959bd1c.txt'), join(archive, '2016', '市发改委.txt'));
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(archive, '2023年度报告.txt'));
    const convert = (...more: string[]) => run(['convert', archive, '--to', 'json,xlsx,docx,pdf', '--out-dir', archive, ...more]);
    const files = () => readdirSync(archive, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.')).sort();
    expect(convert().status).toBe(0);
    const converted = files();
    expect(converted).toHaveLength(10);
    const again = convert();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/跳过 8 个 report-convert 此前由这里其他输入转换出的输出文件（如 \S+），不作为输入；如需转换其中某个，请在命令行直接指定该文件\n/);
    expect(again.stderr).toContain('共 10 个文件：转换 2 个（其中 1 个有检查问题），跳过 8 个（本工具此前的输出）\n');
    expect(convert('--lang', 'en').stderr).toContain("10 files: 2 converted (1 with findings), 8 skipped (report-convert's own outputs)\n");
    expect(files()).toEqual(converted);
    // Named on the command line, an output of ours is an input as ever.
    const named = run(['convert', join(archive, '2023年度报告.json'), '--to', 'docx', '--out-dir', archive]);
    expect(named.stderr).toContain('共 1 个文件：转换 1 个\n');
  });

  it.skipIf(!hasCommands(['soffice', '--version']))("converts an agency's own Word file and the PDF printed from it, of one name, into their folder again: only our outputs are skipped", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-in-place-agency-'));
    const archive = join(dir, 'archive');
    const soffice = (format: string, file: string) => execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', format, '--outdir', archive, file], { stdio: 'ignore', timeout: 120_000 });
    soffice('docx:MS Word 2007 XML', join(CORPUS_DIR, 'real', '09-shuyang-drc-2023.html'));
    soffice('pdf', join(archive, '09-shuyang-drc-2023.docx'));
    const convert = () => run(['convert', archive, '--to', 'json,xlsx,docx,pdf', '--out-dir', archive]);
    expect(convert().stderr).toContain('共 2 个文件：转换 2 个\n');
    const converted = readdirSync(archive).sort();
    expect(converted).toHaveLength(10); // the two inputs, and four outputs of each, named with its extension (09-shuyang-drc-2023.pdf.docx)
    const again = convert();
    expect(again.stderr).toContain('共 10 个文件：转换 2 个，跳过 8 个（本工具此前的输出）\n');
    expect(readdirSync(archive).sort()).toEqual(converted);
  });

  it('keeps going past a bad input, reports it, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-batch-'));
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'page.html'), '<html><body><p>欢迎访问本网站</p></body></html>');
    const r = run(['convert', dir, '--to', 'json', '--out-dir', join(dir, 'out'), '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'out', 'good.json'))).toBe(true);
    expect(r.stderr).toMatch(/empty\.txt: Expected .* but found an empty input/);
    expect(r.stderr).toMatch(/page\.html: Expected .* but found a document with none of the six section headings/);
    expect(r.stderr).toContain('3 files: 1 converted, 2 failed\n');
    const recap = r.stderr.split('3 files: 1 converted')[1]!.split('failed inputs:\n')[1]!; // said again after the summary
    expect(recap).toMatch(/^ {2}\S*empty\.txt: Expected /m);
    expect(recap).toMatch(/^ {2}\S*page\.html: Expected /m);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for bad input
  });

  it('refuses to print a binary file on a terminal, but prints JSON there', async () => {
    const { main } = await import('./cli.js');
    let stderr = '';
    let printed = 0;
    const terminal = (input: string) => ({ stdout: () => {}, stderr: (s: string) => void (stderr += s), stdin: async () => readFileSync(input), writeStdout: (bytes: Uint8Array) => void (printed += bytes.byteLength), tty: true, stdoutIsTerminal: true });
    expect(await main(['convert', '-', '--to', 'docx', '--lang', 'en'], terminal(seed('001_1c75c2c4e67cd3d7.txt')))).toBe(2);
    expect(stderr).toMatch(/not writing a binary docx file to the terminal: redirect it, for example > report\.docx/);
    expect(printed).toBe(0);
    expect(await main(['convert', '-', '--to', 'json'], terminal(seed('001_1c75c2c4e67cd3d7.txt')))).toBe(0);
    expect(printed).toBeGreaterThan(1000);
  });

  it('writes standard output with --out-dir -, one input and one format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-stdout-'));
    const r = spawnSync(process.execPath, [BIN, 'convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'pdf', '--out-dir', '-'], { cwd: dir, timeout: 120_000 });
    expect(r.status, String(r.stderr)).toBe(0);
    expect(r.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual([]); // no directory called "-"
    const two = run(['convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'pdf,json', '--out-dir', '-', '--lang', 'en']);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('standard input or output takes exactly one input and one output format');
  });

  it('says every finding of one long input: 4,000 reports in one text, 124,000 rows kept unrecognised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-long-'));
    writeFileSync(join(dir, 'long.txt'), writeReportAs(generateReport(1, { layout: '2021' }), 'rowPerLine').repeat(4000));
    const r = spawnSync(process.execPath, [BIN, 'convert', join(dir, 'long.txt'), '--to', 'json', '--out-dir', dir, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr.slice(-500)).toBe(0);
    expect(r.stderr.match(/ warning {2}/g)?.length).toBeGreaterThan(120_000);
    expect(existsSync(join(dir, 'long.json'))).toBe(true);
  });

  it('says there was nothing to check in an empty folder, rather than 0 findings', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cli-empty-'));
    const r = run(['check', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`没有可检查的输入（${empty} 中没有报告文件）\n检查了 0 个文件，发现 0 个问题\n`);
  });

  it.skipIf(!existsSync('/proc/self'))('refuses an output directory the system will not create, without hanging: --out-dir /proc/x', () => {
    // Node's recursive mkdirSync looped for ever there, deaf to SIGTERM: killed outright if it hangs again.
    const r = spawnSync(process.execPath, [BIN, 'convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'json', '--out-dir', '/proc/report-convert-test', '--lang', 'en'], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('cannot create the output directory /proc/report-convert-test (ENOENT)');
  });

  it('writes every output whose name the file system takes, the migration record of a 230-byte name too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-long-name-'));
    const name = `${'某'.repeat(74)}2017`; // 226 bytes; with .migration.json 241, under the 255 a name may have
    writeFileSync(join(dir, `${name}.txt`), readFileSync(seed('004_b5b9a5615959bd1c.txt')));
    const r = run(['convert', join(dir, `${name}.txt`), '--to', 'json,xlsx', '--layout', '2021', '--out-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`${name}.json`, `${name}.migration.json`, `${name}.txt`, `${name}.xlsx`]);
  });

  it('says which output name the file system refuses, before writing any of that input, and goes on: no internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-too-long-'));
    const name = '某'.repeat(83); // 249 bytes: its .txt is a name, its .migration.json (264) is not
    copyFileSync(seed('004_b5b9a5615959bd1c.txt'), join(dir, `${name}.txt`));
    copyFileSync(seed('004_b5b9a5615959bd1c.txt'), join(dir, 'short.txt'));
    const r = run(['convert', join(dir, `${name}.txt`), join(dir, 'short.txt'), '--to', 'json', '--layout', '2021', '--out-dir', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, name)}.txt：无法写入 ${join(dir, name)}.migration.json（文件名过长，ENAMETOOLONG）\n`);
    expect(r.stderr).not.toMatch(/内部错误|\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(['short.json', 'short.migration.json', 'short.txt', `${name}.txt`]);
    // A report already in the layout asked for moves nothing and writes no record: its long name is no matter.
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(dir, `${name}.txt`));
    const kept = run(['convert', join(dir, `${name}.txt`), '--to', 'json', '--layout', '2021', '--out-dir', dir]);
    expect(kept.status, kept.stderr).toBe(0);
    expect(readdirSync(dir)).toContain(`${name}.json`);
  });

  it('writes standard output for a glob or directory holding one file, and says how many when it holds more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-one-'));
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(dir, 'r1.txt'));
    for (const input of [join(dir, 'r1.*'), dir]) {
      const r = run(['convert', input, '--to', 'json', '--out-dir', '-']);
      expect(r.status, r.stderr).toBe(0);
      expect(Report.parse(JSON.parse(r.stdout)).meta.year).toBeGreaterThan(2000);
    }
    copyFileSync(seed('003_315724d04121e9e1.txt'), join(dir, 'r3.txt'));
    expect(run(['convert', dir, '--to', 'json', '--out-dir', '-'])).toMatchObject({ status: 2, stdout: '', stderr: `report-convert：写到标准输出时只能有一个输入，而 ${dir} 包含 2 个文件\n` });
    expect(run(['convert', join(dir, 'x*'), '--to', 'json', '--out-dir', '-', '--lang', 'en'])).toMatchObject({ status: 2, stderr: `report-convert: no such input: ${join(dir, 'x*')}\n` });
  });

  it('refuses --out-dir for standard input rather than pass it over, and says that standard output gets no migration record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-stdin-dir-'));
    const r = run(['convert', '-', '--to', 'json', '--out-dir', join(dir, 'out')], readFileSync(seed('001_1c75c2c4e67cd3d7.txt')));
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toContain(`标准输入的转换结果写到标准输出，不写到 --out-dir ${join(dir, 'out')}`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const migrated = run(['convert', seed('004_b5b9a5615959bd1c.txt'), '--layout', '2021', '--to', 'json', '--out-dir', '-', '--lang', 'en']);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stderr).toContain('the migration record is not written: standard output takes the converted report only');
  });

  it('takes output formats in any case, ignoring an empty item', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-formats-'));
    const r = run(['convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'JSON,', '--out-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(['001_1c75c2c4e67cd3d7.json']);
    expect(run(['convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', ',', '--out-dir', dir]).stderr).toBe('report-convert：--to 没有给出输出格式（可用：docx、xlsx、pdf、json）\n');
  });

  it('reads standard input and writes standard output', () => {
    const r = run(['convert', '-', '--to', 'json'], readFileSync(seed('002_09f8dcd14fce1942.txt')));
    expect(r.status, r.stderr).toBe(0);
    expect(Report.parse(JSON.parse(r.stdout)).sourceScript).toBe('traditional');
  });

  it('reports an output directory it cannot make, or an output it cannot write, per input and without a stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-unwritable-'));
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(dir, 'a.txt'));
    copyFileSync(seed('003_315724d04121e9e1.txt'), join(dir, 'b.txt'));
    writeFileSync(join(dir, 'not-a-dir'), '');
    const noDir = run(['convert', join(dir, 'a.txt'), join(dir, 'b.txt'), '--to', 'json', '--out-dir', join(dir, 'not-a-dir', 'out'), '--lang', 'en']);
    expect(noDir.status).toBe(2);
    expect(noDir.stderr).toMatch(/a\.txt: cannot create the output directory .*\(ENOTDIR\)/);
    expect(noDir.stderr).toContain('2 files: 0 converted, 2 failed');
    const aFile = run(['convert', join(dir, 'a.txt'), '--to', 'json', '--out-dir', join(dir, 'b.txt')]); // an input, at that
    expect(aFile.stderr).toContain(`${join(dir, 'a.txt')}：无法创建输出目录 ${join(dir, 'b.txt')}（路径中有一项不是目录，ENOTDIR）\n`);
    mkdirSync(join(dir, 'out', 'a.json'), { recursive: true }); // a directory where a.json should go
    const blocked = run(['convert', join(dir, 'a.txt'), join(dir, 'b.txt'), '--to', 'json', '--out-dir', join(dir, 'out'), '--lang', 'en']);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toMatch(/a\.txt: cannot write .*a\.json \(EISDIR\)/);
    expect(existsSync(join(dir, 'out', 'b.json'))).toBe(true);
    const inChinese = run(['convert', join(dir, 'a.txt'), join(dir, 'b.txt'), '--to', 'json', '--out-dir', join(dir, 'out')]);
    expect(inChinese.stderr).toMatch(/无法写入 .*a\.json（是目录，不是文件，EISDIR）/);
    for (const r of [noDir, aFile, blocked, inChinese]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('never overwrites an input reached through a link: an --out-dir linked to its folder, an input linked to the output, or another name of it (a hard link here; R.docx for R.DOCX on Windows and macOS disks)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-links-'));
    mkdirSync(join(dir, 'in'));
    const model = JSON.stringify(generateReport(1, { layout: '2021' })); // JSON.stringify(…, null, 2) is what convert would write
    writeFileSync(join(dir, 'in', 'm.json'), model);
    symlinkSync('in', join(dir, 'link'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'n.json'), model);
    symlinkSync(join(dir, 'out', 'n.json'), join(dir, 'in', 'n.json')); // an input that is a link to its own output
    mkdirSync(join(dir, 'other'));
    linkSync(join(dir, 'in', 'm.json'), join(dir, 'other', 'm.json'));
    for (const [input, outDir] of [['in/m.json', 'link'], ['link/m.json', 'in'], ['in/n.json', 'out'], ['in/m.json', 'other']]) {
      const r = run(['convert', join(dir, input!), '--to', 'json', '--out-dir', join(dir, outDir!), '--lang', 'en']);
      expect(r.status, `${input} → ${outDir}`).toBe(2);
      expect(r.stderr).toMatch(/refused to write: .*\.json is an input and is never overwritten/);
    }
    expect(run(['convert', join(dir, 'in/m.json'), '--to', 'json', '--out-dir', join(dir, 'link')]).stderr).toMatch(/拒绝写入：\S*m\.json 是输入文件，不会被覆盖\n/);
    expect(readFileSync(join(dir, 'in', 'm.json'), 'utf8')).toBe(model);
    expect(readFileSync(join(dir, 'out', 'n.json'), 'utf8')).toBe(model);
    // Refused before anything is written: none of its other outputs is either.
    expect(run(['convert', join(dir, 'in', 'm.json'), '--to', 'docx,json', '--out-dir', join(dir, 'in')]).status).toBe(2);
    expect(readdirSync(join(dir, 'in')).sort()).toEqual(['m.json', 'n.json']);
  });

  it('never writes through a link out of --out-dir: that input is refused and nothing of it written, the others are; a linked --out-dir, a link within it, or a link to a file elsewhere (replaced) is fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-out-links-'));
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'in', 'within'));
    for (const path of ['sub/x.txt', 'within/z.txt', 'y.txt']) copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(dir, 'in', path));
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'theirs.json'), 'theirs');
    mkdirSync(join(dir, 'out', 'real'), { recursive: true });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out', 'sub')); // left from an earlier job, say
    symlinkSync('real', join(dir, 'out', 'within'));
    symlinkSync(join(dir, 'elsewhere', 'theirs.json'), join(dir, 'out', 'y.json'));
    symlinkSync('out', join(dir, 'linked'));
    const convert = (...more: string[]) => run(['convert', join(dir, 'in'), '--to', 'json,docx', '--out-dir', join(dir, 'linked'), ...more]);
    const r = convert();
    expect(r.status).toBe(2);
    const refusal = `${join(dir, 'in', 'sub', 'x.txt')}：拒绝写入：${join(dir, 'linked', 'sub', 'x.json')} 在输出目录 ${join(dir, 'linked')} 之外：经链接实际位于 ${realpathSync(join(dir, 'elsewhere'))}`;
    expect(r.stderr).toContain(`共 3 个文件：转换 2 个，失败 1 个\n失败的输入：\n  ${refusal}\n`);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual(['theirs.json']);
    expect(readFileSync(join(dir, 'elsewhere', 'theirs.json'), 'utf8')).toBe('theirs');
    expect(readdirSync(join(dir, 'out', 'real'))).toEqual(['z.docx', 'z.json']);
    expect(lstatSync(join(dir, 'out', 'y.json')).isFile()).toBe(true); // the link replaced by the output, by rename
    expect(convert('--lang', 'en').stderr).toMatch(/sub\/x\.txt: refused to write: \S+\/linked\/sub\/x\.json is outside \S+\/linked: a link leads it to \S+\/elsewhere\n/);
  });

  it('stops a single long conversion on Ctrl-C at once, writing nothing (no handler waits for the conversion to end)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-interrupt-one-'));
    // Two hundred reports pasted into one file: seconds of work, where the signal comes at once.
    writeFileSync(join(dir, 'pasted.txt'), writeReportAs(generateReport(1, { layout: '2021' }), 'rowPerLine').repeat(200));
    const child = spawn(process.execPath, [BIN, 'convert', join(dir, 'pasted.txt'), '--to', 'docx,xlsx,pdf', '--out-dir', join(dir, 'out'), '--lang', 'en']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    while (!existsSync(join(dir, 'out'))) await new Promise((r) => setTimeout(r, 20)); // made as the conversion starts
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (...end) => r(end)));
    expect({ code, signal }, stderr).toEqual({ code: null, signal: 'SIGINT' });
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('stops a batch on %s with exit %i, leaving only whole outputs', async (signal, exit) => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-interrupt-'));
    for (let i = 0; i < 200; i++) writeFileSync(join(dir, `r${i}.txt`), writeReportAs(generateReport(i, { layout: '2021' }), 'rowPerLine'));
    const out = join(dir, 'out');
    // Not this run's: another run's temporary file in the same directory, and a file of that name in a folder this run does not write.
    const others = [join(out, '.0123456789ab-0.report-convert.tmp'), join(out, 'keep', '.deadbeefcafe-1.report-convert.tmp')];
    mkdirSync(join(out, 'keep'), { recursive: true });
    for (const other of others) writeFileSync(other, 'not this run\'s');
    const child = spawn(process.execPath, [BIN, 'convert', dir, '--to', 'docx,xlsx,pdf', '--out-dir', out, '--lang', 'en']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    while (!/\[5\/200\]/.test(stderr)) await new Promise((r) => setTimeout(r, 20));
    child.kill(signal);
    const code = await new Promise((r) => child.on('close', r));
    expect(code, stderr).toBe(exit);
    expect(stderr).toMatch(/interrupted: \d+ converted, the rest not; no half-written file is left/);
    for (const other of others) expect(existsSync(other), other).toBe(true);
    const written = readdirSync(out).filter((f) => !f.startsWith('.0123456789ab-') && f !== 'keep');
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(written.length).toBeLessThan(600);
    for (const f of written) {
      const bytes = readFileSync(join(out, f));
      if (f.endsWith('.pdf')) expect(bytes.subarray(-6).toString('latin1'), f).toMatch(/%%EOF/);
      else expect(bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')), f).toBeGreaterThan(bytes.length - 100); // a zip's end record
    }
  });

  it('stops quietly when the reader of its output stops reading (| head): no stack trace, nothing half-written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-pipe-'));
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `r${i}.txt`), writeReportAs(generateReport(i, { layout: '2021' }), 'rowPerLine'));
    const shell = (command: string) => spawnSync('sh', ['-c', command], { encoding: 'utf8', timeout: 120_000 });
    // check: about 40 findings a report on standard output, cut after the first line.
    const check = shell(`"${process.execPath}" "${BIN}" check "${dir}" 2>"${join(dir, 'check.err')}" | head -n 1`);
    expect(check.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(join(dir, 'check.err'), 'utf8')).not.toMatch(/EPIPE|\n\s+at /);
    // convert: its progress lines on standard error, cut after the first; the batch stops as after Ctrl-C.
    const out = join(dir, 'out');
    const convert = shell(`"${process.execPath}" "${BIN}" convert "${dir}" --to json --out-dir "${out}" 2>&1 >/dev/null | head -n 1`);
    expect(convert.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of readdirSync(out)) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8')), f).not.toThrow();
  });

  it('writes SOURCE_DATE_EPOCH as every output\'s creation date: a batch converted again gives the same bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-reproducible-'));
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1705716000' }; // 2024-01-20 02:00:00 UTC
    const batch = (out: string) => spawnSync(process.execPath, [BIN, 'convert', seed('001_1c75c2c4e67cd3d7.txt'), seed('003_315724d04121e9e1.txt'), '--to', 'docx,xlsx,pdf', '--out-dir', join(dir, out)], { encoding: 'utf8', env, timeout: 120_000 });
    expect(batch('a').status).toBe(0);
    expect(batch('b').status).toBe(0);
    const outputs = readdirSync(join(dir, 'a')).sort();
    expect(outputs).toHaveLength(6);
    for (const name of outputs) expect(readFileSync(join(dir, 'a', name)).equals(readFileSync(join(dir, 'b', name))), name).toBe(true);
    expect(readFileSync(join(dir, 'a', '001_1c75c2c4e67cd3d7.pdf')).toString('latin1')).toContain('(D:20240120020000Z)');
    const wrong = spawnSync(process.execPath, [BIN, 'convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'pdf', '--out-dir', join(dir, 'c')], { encoding: 'utf8', env: { ...env, SOURCE_DATE_EPOCH: 'yesterday' } });
    expect([wrong.status, wrong.stderr]).toEqual([2, 'report-convert：SOURCE_DATE_EPOCH 应为 1970 年以来的秒数，而不是“yesterday”\n']);
  });

  it('refuses bad usage with exit 2 and a one-line reason', () => {
    for (const args of [['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'odt'], ['convert', 'no-such-file.txt'], ['frobnicate'], ['convert', seed('000_7b493fb4be35eb87.txt'), '--mapping', 'm.json']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('draws the PDFs of a batch in a font of the user\'s, and refuses one it cannot use before converting anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-font-'));
    const font = fileURLToPath(new URL('../../to-pdf/fonts/NotoSerifSC-Regular.ttf', import.meta.url));
    const ok = run(['convert', seed('000_7b493fb4be35eb87.txt'), seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'pdf', '--font', font, '--out-dir', dir]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
    writeFileSync(join(dir, 'not-a-font.ttf'), 'hello');
    for (const bad of [join(dir, 'no-such-font.ttf'), join(dir, 'not-a-font.ttf')]) {
      const r = run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', '--font', bad, '--out-dir', join(dir, 'bad'), '--lang', 'en']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('cannot use the font');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'bad'))).toBe(false);
    }
    // In Chinese by default, the users' language, with no system error text beyond its code.
    expect(run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', '--font', join(dir, 'no-such-font.ttf'), '--out-dir', join(dir, 'bad')]).stderr).toMatch(/无法使用字体 .*no-such-font\.ttf：无法读取字体文件（文件不存在，ENOENT）/);
    expect(run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', '--font', join(dir, 'not-a-font.ttf'), '--out-dir', join(dir, 'bad')]).stderr).toMatch(/无法使用字体 .*not-a-font\.ttf：不是可用的字体文件/);
  });

  const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
  it.skipIf(!existsSync(DEJAVU))('refuses a font with no Chinese in any role, in one line, before converting anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-latin-font-'));
    for (const option of ['--font', '--title-font', '--heading-font']) {
      const r = run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', option, DEJAVU, '--out-dir', join(dir, 'out'), '--strict']);
      expect(r.status, option).toBe(2);
      expect(r.stderr).toBe(`report-convert：无法使用字体 ${DEJAVU}：不是简体中文字体：每份报告都印的“政府信息公开工作年度报告”12 个字，它缺少 12 个\n`);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
    expect(run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', '--font', DEJAVU, '--out-dir', join(dir, 'out'), '--lang', 'en']).stderr).toBe(
      `report-convert: cannot use the font ${DEJAVU}: not a simplified Chinese font: it lacks 12 of the 12 characters of 政府信息公开工作年度报告, which every report prints\n`,
    );
  });

  it('says in one line which characters the PDF font lacks, and fails --strict on them as a wrong figure would', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-missing-glyphs-'));
    const input = join(dir, 'odd.txt');
    writeFileSync(input, readFileSync(seed('000_7b493fb4be35eb87.txt'), 'utf8').replace('为加强信息公开工作推进', '为加强信息公开工作😀推进😁😂😀'));
    const lenient = run(['convert', input, '--to', 'pdf', '--out-dir', dir]);
    expect(lenient.status, lenient.stderr).toBe(0);
    const missing = lenient.stderr.split('\n').filter((line) => line.includes('空框'));
    expect(missing).toEqual([expect.stringMatching(/^.*odd\.txt  错误  字体 Noto Serif SC 缺少 3 个字：😀、😁、😂，第一个（U\+1F600）位于第\d+段，将印成空框。请改用包含这些字的字体。$/)]);
    const strict = run(['convert', input, '--to', 'pdf', '--out-dir', dir, '--strict']);
    expect(strict.status).toBe(1);
    expect(existsSync(join(dir, 'odd.pdf'))).toBe(true);
  });

  it('is linked as `report-convert` in the repository by npm install, as `npx report-convert` finds it', () => {
    const linked = fileURLToPath(new URL('../../../node_modules/.bin/report-convert', import.meta.url));
    const r = spawnSync(linked, ['--version'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });

  const NOTO_CJK_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  it.skipIf(!existsSync(NOTO_CJK_TTC) || !hasCommands(['pdffonts', '-v']))('takes a font per role: the title in one face, the body in the default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-title-font-'));
    const r = run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', '--title-font', `${NOTO_CJK_TTC}#NotoSerifCJKsc-Regular`, '--out-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    const fonts = execFileSync('pdffonts', [join(dir, '000_7b493fb4be35eb87.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSerifCJKsc-Regular\s/);
    expect(fonts).toMatch(/\+NotoSerifSC-Regular\s/);
    const bad = run(['convert', seed('000_7b493fb4be35eb87.txt'), '--to', 'pdf', '--heading-font', NOTO_CJK_TTC, '--out-dir', dir, '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/cannot use the font .*NotoSerifCJK-Regular\.ttc: a font collection: name one of its faces/);
  });


  it.skipIf(!hasCommands(['pdfinfo', '-v']))('writes PDF/A-2b with --pdfa, plain PDF without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-pdfa-'));
    const meta = (args: string[]) => {
      const r = run(['convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'pdf', '--out-dir', dir, ...args]);
      expect(r.status, r.stderr).toBe(0);
      return execFileSync('pdfinfo', ['-meta', join(dir, '001_1c75c2c4e67cd3d7.pdf')], { encoding: 'utf8' });
    };
    expect(meta(['--pdfa'])).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta([])).not.toMatch(/pdfaid/);
  });
  it('has help with examples on every command, in Chinese unless --lang en, and a version', () => {
    expect(run(['--help']).stdout).toMatch(/用法：[\s\S]*convert[\s\S]*把报告转换为 Word/);
    for (const command of ['convert', 'check']) {
      expect(run([command, '--help']).stdout).toMatch(/选项：[\s\S]*显示帮助[\s\S]*示例：\n  report-convert /);
      for (const args of [[command, '--help', '--lang', 'en'], ['--lang=en', command, '--help']]) expect(run(args).stdout).toMatch(/Options:[\s\S]*display help for command[\s\S]*Examples:\n  report-convert /);
    }
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lays Chinese help out in 80 terminal columns, a Chinese character taking two, every description in one column', () => {
    // Standard output is a pipe here, not a terminal: commander then takes 80 columns.
    const lines = run(['convert', '--help']).stdout.split('\n');
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    const options = lines.slice(lines.indexOf('选项：') + 1, lines.indexOf('', lines.indexOf('选项：')));
    expect(options.length).toBeGreaterThan(12); // 12 options, some wrapped over two or three lines
    const descriptionColumn = (line: string) => displayWidth(/^ +(?:\S+(?: \S+)* {2,})?/.exec(line)![0]);
    expect(new Set(options.map(descriptionColumn)).size).toBe(1);
    expect(options.join('\n')).toContain('（可选：auto、2019、2021；默认：auto）');
  });

  it('says commander\'s own usage errors in Chinese, in English with --lang en, exit 2, and where the usage is', () => {
    const misspelt = (lang: string[]) => run(['convert', seed('001_1c75c2c4e67cd3d7.txt'), '--layuot', '2021', ...lang]);
    expect(misspelt([])).toMatchObject({ status: 2, stdout: '', stderr: '错误：未知选项 --layuot\n（是否想用 --layout？）\n（用法见 report-convert convert --help）\n' });
    expect(misspelt(['--lang', 'en'])).toMatchObject({ status: 2, stdout: '', stderr: "error: unknown option '--layuot'\n(Did you mean --layout?)\n(usage: report-convert convert --help)\n" });
    expect(run(['convert'])).toMatchObject({ status: 2, stderr: '错误：缺少必需的参数 inputs\n（用法见 report-convert convert --help）\n' });
    expect(run(['check', 'a.txt', '--from', 'pdf2'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^错误：选项 --from <format> 的取值“pdf2”无效（可选：auto、text、.*）\n/) });
    expect(run(['chek', 'a.txt'])).toMatchObject({ status: 2, stderr: '错误：未知命令 chek\n（是否想用 check？）\n（用法见 report-convert --help）\n' });
  });
});

describe('reading back what report-convert wrote', () => {
  it('reads its own workbook with the hidden model: agency, year and narrative kept; a finding names the figure\'s cell in the workbook, a JSON model\'s the original\'s position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-roundtrip-'));
    expect(run(['convert', seed('004_b5b9a5615959bd1c.txt'), '--to', 'json,xlsx', '--out-dir', dir]).status).toBe(0);
    const original = Report.parse(JSON.parse(readFileSync(join(dir, '004_b5b9a5615959bd1c.json'), 'utf8')));
    mkdirSync(join(dir, 'back'));
    const back = run(['convert', join(dir, '004_b5b9a5615959bd1c.xlsx'), '--to', 'json', '--out-dir', join(dir, 'back')]);
    expect(back.status, back.stderr).toBe(0);
    const read = Report.parse(JSON.parse(readFileSync(join(dir, 'back', '004_b5b9a5615959bd1c.json'), 'utf8')));
    expect(read.meta).toEqual(original.meta);
    expect(read.sections).toEqual(original.sections);
    expect(read.legacy).toEqual(original.legacy);
    const checked = run(['check', join(dir, '004_b5b9a5615959bd1c.xlsx'), join(dir, '004_b5b9a5615959bd1c.json'), '--lang', 'en']);
    const lines = checked.stdout.trim().split('\n');
    expect(lines).toHaveLength(2); // the same finding from each, none about the workbook's own extra sheets
    expect(lines.find((l) => l.includes('.xlsx'))).toMatch(/^\S+\.xlsx  error  .*\(cell C5\)$/);
    expect(lines.find((l) => l.includes('.json'))).toMatch(/^\S+\.json  error  .*\(line \d+, column \d+ of the original\)$/);
    // The legacy sheet's row 其中：主动公开规范性文件数 holds its figure in C5.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, '004_b5b9a5615959bd1c.xlsx'));
    const sheet = workbook.getWorksheet('政府信息公开情况统计表')!;
    expect([sheet.getCell('A5').value, sheet.getCell('C5').value]).toEqual(['其中：主动公开规范性文件数', 300]);
    // Edited there, said in Chinese by its cell, and the same cell in --json.
    sheet.getCell('C5').value = 400;
    await workbook.xlsx.writeFile(join(dir, 'edited.xlsx'));
    expect(run(['check', join(dir, 'edited.xlsx')]).stdout).toMatch(/^\S+edited\.xlsx  错误  \[政府信息公开情况统计表 › 其中：主动公开规范性文件数\] .*（400 > 0）（单元格 C5）$/m);
    const json = JSON.parse(run(['check', join(dir, 'edited.xlsx'), '--json']).stdout) as { files: { findings: { cell?: unknown }[] }[] };
    expect(json.files[0]!.findings.map((f) => f.cell)).toEqual([{ sheet: '政府信息公开情况统计表', address: 'C5' }]);
  });
});

describe('a folder that cannot be read', () => {
  it('is named, counted as unreadable and passed over: the rest of the batch goes on (check and convert)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-locked-'));
    const out = mkdtempSync(join(tmpdir(), 'cli-locked-out-'));
    for (const d of [dir, out]) chmodSync(d, 0o777);
    copyFileSync(seed('001_1c75c2c4e67cd3d7.txt'), join(dir, 'a.txt'));
    mkdirSync(join(dir, 'locked'));
    copyFileSync(seed('000_7b493fb4be35eb87.txt'), join(dir, 'locked', 'b.txt'));
    chmodSync(join(dir, 'locked'), 0);
    // Root reads any folder: the CLI runs as nobody then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const runAs = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000, ...asUser });
    const checked = runAs(['check', dir]);
    expect(checked.status, checked.stderr).toBe(2);
    expect(checked.stderr).toContain(`cannot read this folder (EACCES): ${join(dir, 'locked')}\n`);
    expect(checked.stderr).toMatch(/checked 2 files: 1 unreadable, /);
    const converted = runAs(['convert', dir, '--to', 'json', '--out-dir', out]);
    expect(converted.status, converted.stderr).toBe(2);
    expect(converted.stderr).toContain('2 files: 1 converted, 1 failed');
    expect(converted.stderr).toContain(`cannot read this folder (EACCES): ${join(dir, 'locked')}\n`);
    expect(readdirSync(out)).toEqual(['a.json']);
  });
});

describe('report-convert check', () => {
  it('exits 1 on failed checks and prints the table, row and position as printed', () => {
    const r = run(['check', seed('004_b5b9a5615959bd1c.txt')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/004_b5b9a5615959bd1c\.txt:\d+:\d+ {2}错误 {2}\[政府信息公开情况统计表 › 其中：主动公开规范性文件数\]/);
  });

  it('says in its summary how many inputs could not be read, worded as convert\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-unreadable-'));
    writeFileSync(join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'noise.bin'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 41) % 256)));
    writeFileSync(join(dir, 'notes.txt'), '会议记录');
    const inputs = ['scan.png', 'noise.bin', 'notes.txt'].map((name) => join(dir, name));
    const check = run(['check', ...inputs]);
    expect(check.status).toBe(2);
    for (const input of inputs) expect(check.stderr).toContain(`${input}：`); // each file's problem, before the summary, with Chinese punctuation
    expect(check.stderr).toMatch(/\n检查了 3 个文件：3 个无法读取，发现 0 个问题\n$/);
    expect(run(['check', ...inputs, '--lang', 'en']).stderr).toMatch(/\nchecked 3 files: 3 unreadable, 0 findings\n$/);
    // With a report that has findings, and an input not found: every input is counted.
    const mixed = run(['check', seed('004_b5b9a5615959bd1c.txt'), inputs[0]!, join(dir, 'gone.txt')]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(/\n检查了 3 个文件：2 个无法读取，发现 2 个问题\n$/);
    const convert = run(['convert', seed('004_b5b9a5615959bd1c.txt'), inputs[0]!, join(dir, 'gone.txt'), '--to', 'json', '--out-dir', join(dir, 'out')]);
    expect(convert.status).toBe(2);
    expect(convert.stderr).toMatch(/\n共 3 个文件：转换 1 个（其中 1 个有检查问题），失败 2 个\n/);
  });

  it('exits 0 on a consistent report, and speaks English or JSON when asked', () => {
    expect(run(['check', seed('000_7b493fb4be35eb87.txt')]).status).toBe(0);
    const json = run(['check', seed('004_b5b9a5615959bd1c.txt'), '--json']);
    const parsed = JSON.parse(json.stdout) as { files: { findings: { rule: string; message: string }[] }[] };
    // The English sentence names the rows as printed, as the Chinese does.
    expect(parsed.files[0]!.findings.map((f) => f.message)).toContain('active.normativeDocuments (300) > active.total (0)');
  });

  it('reads standard input for -, and lists a missing input in --json as it lists an unreadable one', () => {
    const piped = run(['check', '-'], readFileSync(seed('004_b5b9a5615959bd1c.txt')));
    expect(piped.status).toBe(1);
    expect(piped.stdout).toMatch(/^-:\d+:\d+ {2}错误 {2}\[政府信息公开情况统计表 › 其中：主动公开规范性文件数\]/m);
    const json = run(['check', seed('000_7b493fb4be35eb87.txt'), 'gone.txt', '--json']);
    expect(json.status).toBe(2);
    expect((JSON.parse(json.stdout) as { files: unknown[] }).files).toContainEqual({ file: 'gone.txt', findings: [], error: '找不到输入' });
  });

  it('--series compares 上年结转 with last year', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-series-'));
    const base = JSON.parse(run(['convert', '-', '--to', 'json'], readFileSync(seed('001_1c75c2c4e67cd3d7.txt'))).stdout);
    const last = { ...base, meta: { ...base.meta, year: 2020 }, applications: { ...base.applications, carriedForward: { ...base.applications.carriedForward, naturalPerson: 4 } } };
    writeFileSync(join(dir, '2020.json'), JSON.stringify(last));
    writeFileSync(join(dir, '2021.json'), JSON.stringify(base));
    const r = run(['check', dir, '--series', '--lang', 'en']);
    expect(r.status).toBe(1);
    // Said of the later year's file, so a clerk knows which file to open.
    expect(r.stdout).toMatch(/^\S*2021\.json  error  .*2021 applications\.carriedOver\.naturalPerson \(0\) ≠ 2020 applications\.carriedForward\.naturalPerson \(4\) \(line \d+, column \d+ of the original\)$/m);
    // The same as one JSON document, written file by file, with an unreadable file among them.
    writeFileSync(join(dir, 'notes.txt'), '会议记录');
    const json = run(['check', dir, '--series', '--json']);
    const parsed = JSON.parse(json.stdout) as { files: { file: string; error?: string }[]; series: { file?: string; rule: string }[] };
    expect(parsed.files.map((f) => [f.file.split(/[\\/]/).pop(), Boolean(f.error)])).toEqual([['2020.json', false], ['2021.json', false], ['notes.txt', true]]);
    expect(parsed.series).toEqual([expect.objectContaining({ rule: 'series.carriedOver', file: expect.stringMatching(/2021\.json$/) })]);
    expect(json.status).toBe(2);
    rmSync(join(dir, 'notes.txt'));
    // Another agency's report of 2020 is not compared with this agency's 2021.
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...last, meta: { ...last.meta, agency: '另一个机关' } }));
    rmSync(join(dir, '2020.json'));
    const mixed = run(['check', dir, '--series', '--lang', 'en']);
    expect(mixed.stdout).not.toContain('2021 applications.carriedOver');
    expect(mixed.stdout).toMatch(/info  reports of 2 agencies \(.*另一个机关.*\): years are compared within each agency only/);
    expect(mixed.stderr).toMatch(/^checked 2 files, \d+ findings \(and 1 note\)\n$/); // a note is not a problem
  });

  it('--year fills the year of a report that states none, from the option or from each file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-year-'));
    const file = join(dir, '马槽社区2020.txt');
    copyFileSync(seed('000_7b493fb4be35eb87.txt'), file); // states no year
    const named = run(['convert', file, '--year', 'name', '--to', 'json', '--out-dir', dir]);
    expect(named.status, named.stderr).toBe(0);
    expect(Report.parse(JSON.parse(readFileSync(join(dir, '马槽社区2020.json'), 'utf8'))).meta.year).toBe(2020);
    // Without --year, one input's notes are printed with its problems: the year guessed from a 落款 date is to be checked.
    const guessed = run(['convert', fileURLToPath(new URL('../../../examples/penghou-street-2024.txt', import.meta.url)), '--to', 'json', '--out-dir', dir]);
    expect(guessed.stderr).toMatch(/penghou-street-2024\.txt:\d+:1  提示  报告未写明年度，已根据落款日期（2025-01-20）取为2024年，请核对。\n/);
    const given = run(['check', file, '--year', '2019', '--lang', 'en']);
    expect(given.stdout).toContain('info  The report does not state its year; 2019 is taken from --year.');
    expect(given.stdout).not.toContain('states no year');
    const bad = run(['check', file, '--year', '20']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('report-convert：--year 应为年份（如 2016）或 name，而不是 20\n');
  });
});

describe('Office inputs', () => {
  it('reads a Word file written by the converter, and explains what to do with an old .doc', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-office-'));
    expect(run(['convert', seed('003_315724d04121e9e1.txt'), '--to', 'docx', '--out-dir', dir]).status).toBe(0);
    const back = run(['convert', join(dir, '003_315724d04121e9e1.docx'), '--to', 'json', '--out-dir', join(dir, 'json')]);
    expect(back.status, back.stderr).toBe(0);
    expect(Report.parse(JSON.parse(readFileSync(join(dir, 'json', '003_315724d04121e9e1.json'), 'utf8'))).activeDisclosure.fees?.amount).toBe(12.39205);
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const old = run(['convert', join(dir, 'old.doc'), '--to', 'json', '--out-dir', dir]);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain('另存为 .docx 或 .xlsx');
    expect(old.stderr).toContain('或加 --libreoffice 由 LibreOffice 转换'); // the CLI can do it on the way
  });

  it.skipIf(!hasCommands(['soffice', '--version']))('converts an old .doc through LibreOffice when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-doc-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', dir, join(CORPUS_DIR, 'real', '09-shuyang-drc-2023.html')], { stdio: 'ignore', timeout: 120_000 });
    const doc = join(dir, '09-shuyang-drc-2023.doc');
    expect(run(['convert', doc, '--to', 'json', '--out-dir', dir]).status).toBe(2);
    const r = run(['convert', doc, '--to', 'json', '--out-dir', dir, '--libreoffice']);
    expect(r.status, r.stderr).toBe(0);
    const model = Report.parse(JSON.parse(readFileSync(join(dir, '09-shuyang-drc-2023.json'), 'utf8')));
    expect(model.applications.newReceived?.total).toBe(26);
    expect(model.reviewLitigation.review?.pending).toBe(1);
    // WPS's .wps is of the same binary family: walked in a directory, and checked through LibreOffice too.
    const archive = join(dir, 'archive');
    mkdirSync(archive);
    copyFileSync(doc, join(archive, '2023.wps'));
    const checked = run(['check', archive, '--libreoffice']);
    expect(checked.stderr).toMatch(/检查了 1 个文件，发现 \d+ 个问题/);
    expect(run(['check', archive]).stderr).toContain('或加 --libreoffice');
  });
});

describe('migration', () => {
  it('--layout 2021 migrates a legacy sheet, writes the record beside the outputs, and a bad mapping is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-migrate-'));
    const r = run(['convert', seed('004_b5b9a5615959bd1c.txt'), '--to', 'json,xlsx', '--layout', '2021', '--out-dir', dir]);
    expect(r.status, r.stderr).toBe(0);
    const model = Report.parse(JSON.parse(readFileSync(join(dir, '004_b5b9a5615959bd1c.json'), 'utf8')));
    expect(model.layouts.applications).toBe('2021');
    expect(model.sections.otherMatters).toContain('一、主动公开情况：300。');
    const record = JSON.parse(readFileSync(join(dir, '004_b5b9a5615959bd1c.migration.json'), 'utf8'));
    expect(record.figures['legacy.org.staff']).toEqual({ section: 'otherMatters', sentence: expect.stringContaining('从事政府信息公开工作人员数：2人') });
    // A report that is not moved (2021 asked of a 2021 report, 2019 of a 2021 one) gets no record saying figures moved.
    for (const layout of ['2021', '2019']) {
      const kept = mkdtempSync(join(tmpdir(), 'cli-kept-'));
      expect(run(['convert', seed('001_1c75c2c4e67cd3d7.txt'), '--to', 'json', '--layout', layout, '--out-dir', kept]).status).toBe(0);
      expect(readdirSync(kept), layout).toEqual(['001_1c75c2c4e67cd3d7.json']);
    }
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: [{ from: ['nope'], to: 'section:otherMatters' }] }));
    const bad = run(['convert', seed('004_b5b9a5615959bd1c.txt'), '--layout', '2021', '--mapping', join(dir, 'bad.json'), '--out-dir', dir, '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('rules[0].from: "nope" is not a row id of the legacy sheet');
    // In Chinese, with no English from Node, JSON.parse or zod.
    writeFileSync(join(dir, 'broken.json'), '{\n  x');
    writeFileSync(join(dir, 'shapeless.json'), '{"rules": 1}');
    const mapping = (file: string) => run(['convert', seed('004_b5b9a5615959bd1c.txt'), '--layout', '2021', '--mapping', join(dir, file), '--out-dir', dir]).stderr;
    expect(mapping('nope.json')).toBe(`report-convert：无法读取映射文件 ${join(dir, 'nope.json')}（文件不存在，ENOENT）\n`);
    expect(mapping('broken.json')).toBe(`report-convert：映射文件 ${join(dir, 'broken.json')} 不是有效的 JSON（第 2 行第 3 列）\n`);
    expect(mapping('shapeless.json')).toBe(`report-convert：映射文件 ${join(dir, 'shapeless.json')} 有误：\n  rules：应为数组，实为数字\n`);
  });

  it('names in a batch each input --layout did not migrate and why, as it names failures, apart from the checks\' findings; a batch where every one migrated says nothing of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-not-migrated-'));
    // A 2019 report, a 2021 one, one partly 2021, a legacy sheet.
    mkdirSync(join(dir, 'in'));
    for (const name of ['000_7b493fb4be35eb87', '001_1c75c2c4e67cd3d7', '003_315724d04121e9e1', '004_b5b9a5615959bd1c']) copyFileSync(seed(`${name}.txt`), join(dir, 'in', `${name}.txt`));
    const convert = (layout: string, ...more: string[]) => run(['convert', join(dir, 'in'), '--to', 'json', '--layout', layout, '--out-dir', join(dir, layout), ...more]);
    const back = convert('2019');
    expect(back.status, back.stderr).toBe(0);
    const lines = [`${join(dir, 'in', '001_1c75c2c4e67cd3d7.txt')}：不支持将2021版式的报告迁移回2019版式，已保持原样。\n`, `${join(dir, 'in', '003_315724d04121e9e1.txt')}：不支持将部分表格为2021版式的报告迁移回2019版式，已保持原样。\n`];
    const [during, after] = back.stderr.split('共 4 个文件：转换 4 个（其中 2 个有检查问题，2 个未迁移）\n未迁移到 2019 版式的输入（输出保持原版式）：\n');
    for (const line of lines) {
      expect(during).toContain(line);
      expect(after).toContain(`  ${line}`);
    }
    expect(back.stderr).not.toMatch(/00[13]_\S+：1 个检查问题/); // `check` would find nothing there
    expect(convert('2019', '--lang', 'en').stderr).toMatch(/4 files: 4 converted \(2 with findings, 2 not migrated\)\nnot migrated to the 2019 layout \(their outputs keep their own\):\n  \S+: A (2021 report|report partly in the 2021 layout) is not moved back/);
    const forward = convert('2021');
    expect(forward.stderr).toContain('共 4 个文件：转换 4 个（其中 2 个有检查问题）\n');
    expect(forward.stderr).not.toContain('迁移');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommanderError, Option, type Command } from 'commander';
import type { InputFormat, Lang, LayoutId, MigrationMapping } from '@report-convert/core';
import type { PdfFonts } from '@report-convert/to-pdf/fonts';
import { runBatch } from './batch.js';
import { expandInputs } from './files.js';
import { OUTPUT_FORMATS, type OutputFormat } from './formats.js';
import { progress } from './progress.js';
import { sharedFonts } from './sharedFonts.js';
import { readSource } from './source.js';
import type { CheckOptions } from './checkCommand.js';
import { CommandInLang, helpConfiguration } from './commanderText.js';
import { parseYearOption, type YearOption } from './givenYear.js';
import { systemReason } from '@report-convert/core/systemError';
import { t } from './say.js';

// Core, the converters and the finding texts load when a command needs them: a batch's main thread
// only hands out paths, and stays about 20 MB smaller without them.
const converting = () => import('./convert.js');
const presenting = () => import('./present.js');

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<Uint8Array>;
  writeStdout: (bytes: Uint8Array) => void;
  tty: boolean;
  /** Standard output is a terminal: binary output is refused there, not printed as garbage. */
  stdoutIsTerminal?: boolean;
  /** Calls `stop` on the first interrupt (Ctrl-C, or SIGTERM): the batch stops and cleans up before exiting. */
  onInterrupt?: (stop: (signal?: 'SIGINT' | 'SIGTERM') => void) => void;
}

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Thrown for bad usage: exit code 2 with a one-line message, no stack. */
class UsageError extends Error {}

/**
 * The date every output records as its creation, from SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention): converting the same input again then gives the same bytes.
 */
function sourceDate(lang: Lang): { date?: Date } {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return {};
  if (!/^\d{1,12}$/.test(epoch)) throw new UsageError(t(lang, `SOURCE_DATE_EPOCH 应为 1970 年以来的秒数，而不是“${epoch}”`, `SOURCE_DATE_EPOCH should be seconds since 1970, not "${epoch}"`));
  return { date: new Date(Number(epoch) * 1000) };
}

/** A mapping file, validated: a bad one is a usage error listing every problem. */
async function readMapping(path: string, lang: Lang): Promise<MigrationMapping> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = systemReason(error);
    throw new UsageError(t(lang, `无法读取映射文件 ${path}（${why.zh}）`, `cannot read the mapping file ${path} (${why.en})`));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // JSON.parse says where only in English, by a character's offset: the Chinese gives its line and column.
    const offset = Number(/at position (\d+)/.exec((error as Error).message)?.[1] ?? NaN);
    const before = text.slice(0, offset).split('\n');
    const at = Number.isNaN(offset) ? '' : `（第 ${before.length} 行第 ${before.at(-1)!.length + 1} 列）`;
    throw new UsageError(t(lang, `映射文件 ${path} 不是有效的 JSON${at}`, `the mapping file ${path} is not valid JSON: ${(error as Error).message}`));
  }
  const parsed = (await import('@report-convert/core')).parseMapping(json);
  if (!parsed.ok) throw new UsageError(t(lang, `映射文件 ${path} 有误：\n  `, `the mapping file ${path} is wrong:\n  `) + parsed.errors.map((e) => t(lang, e.messageZh, e.message)).join('\n  '));
  return parsed.mapping;
}

/**
 * The single file behind an input written to standard output: a glob or a directory is expanded
 * first, and must hold exactly one file; a file keeps the name it was given.
 */
async function theOneInput(input: string, lang: Lang): Promise<string> {
  const { inputs: found, unread } = await expandInputs([input]);
  if (unread.length) throw new UsageError(t(lang, `${unread[0]!.whyZh}：${unread[0]!.input}`, `${unread[0]!.why}: ${unread[0]!.input}`));
  if (found.length !== 1) throw new UsageError(t(lang, `写到标准输出时只能有一个输入，而 ${input} 包含 ${found.length} 个文件`, `standard output takes exactly one input, and ${input} holds ${found.length} files`));
  return found[0]!.path === resolve(input) ? input : found[0]!.path;
}

/** The CLI as a function of its arguments and I/O: returns the exit code (0 ok, 1 findings, 2 bad usage or input). */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  // Help is written before --lang is parsed: it is read from the arguments, Chinese unless --lang en.
  const helpLang: Lang = argv.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'zh';
  const h = (zh: string, en: string) => t(helpLang, zh, en);
  const seeHelp = (command: string) => h(`（用法见 report-convert ${command}--help）`, `(usage: report-convert ${command}--help)`);
  const LIBREOFFICE_HELP = h('先用 LibreOffice（soffice）转换旧版 .doc/.xls 及 WPS 的 .wps/.et 再读取', 'convert old binary .doc/.xls and WPS .wps/.et files through LibreOffice (soffice) before reading them');
  const YEAR_HELP = h('报告未写明年度时采用的年度；name 表示取自各文件名（如 2016年报告.txt）。报告写明的年度不变，与之不同时提示', "the year of reports that state none; name takes it from each file's name (2016年报告.txt). A year the report states is kept, and a different one is said");
  /** --year, checked: a usage error unless a year or `name`. */
  const yearOption = (value: string | undefined): { year?: YearOption } => {
    if (value === undefined) return {};
    const year = parseYearOption(value);
    if (year === undefined) throw new UsageError(t(lang(), `--year 应为年份（如 2016）或 name，而不是 ${value}`, `--year takes a year (such as 2016) or name, not ${value}`));
    return { year };
  };
  const program = new CommandInLang('report-convert', helpLang)
    .description(h('转换、检查政府信息公开工作年度报告', 'convert and check government information-disclosure annual reports'))
    .version(VERSION, '-V, --version', h('显示版本号', 'output the version number'))
    .helpOption('-h, --help', h('显示帮助', 'display help for command'))
    .helpCommand('help [command]', h('显示某个命令的帮助', 'display help for command'))
    .configureHelp(helpConfiguration(helpLang))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(seeHelp(''));
  const lang = () => (program.opts<{ lang: Lang }>().lang ?? 'zh') as Lang;
  program.addOption(new Option('--lang <lang>', h('提示信息的语言：zh（中文）或 en（英文）', 'language of messages: zh or en')).choices(['zh', 'en']).default('zh')).option('--debug', h('内部错误时显示调用栈', 'show stack traces of internal errors'));

  program
    .command('convert')
    .showHelpAfterError(seeHelp('convert '))
    .description(h('把报告转换为 Word、Excel、PDF 和 JSON', 'convert reports to Word, Excel, PDF and JSON (one input per file; directories are walked)'))
    .argument('<inputs...>', h('文件、目录、通配符或网页地址（文本、网页、Markdown、JSON、.docx、.xlsx、文字版 PDF）；- 表示读取标准输入', 'files, directories, globs or web page addresses (text, web pages, Markdown, JSON, .docx, .xlsx, PDFs with text); - reads standard input'))
    .option('-t, --to <formats>', h(`输出格式，以逗号分隔：${OUTPUT_FORMATS.join(',')}`, `output formats, comma-separated: ${OUTPUT_FORMATS.join(',')}`), 'docx,xlsx,pdf')
    .option('-o, --out-dir <dir>', h('输出目录，文件名为 <输入文件名>.<扩展名>；- 表示写到标准输出（一个输入、一种格式）', 'where outputs go, named <input name>.<ext>; - writes standard output (one input, one format)'), '.')
    .addOption(new Option('--from <format>', h('指定输入格式，不自动识别', 'input format instead of sniffing')).choices(['auto', 'text', 'markdown', 'html', 'json', 'docx', 'xlsx', 'pdf']).default('auto'))
    .addOption(new Option('--layout <layout>', h('迁移到此表格格式（旧版统计表和 2019 年版报告）；auto 保留原格式；每个数字的去向记录在输出旁的 <文件名>.migration.json', 'migrate to this table layout (legacy sheets and 2019 reports); auto keeps the source layout; the record of where each figure went is written beside the outputs as <name>.migration.json')).choices(['auto', '2019', '2021']).default('auto'))
    .option('--mapping <file>', h('替换旧版 → 2019/2021 映射的 JSON 文件', 'a JSON file overriding the legacy → 2019/2021 mapping'))
    .option('--font <file>', h('PDF 正文字体（TTF/OTF，例如 仿宋_GB2312），未另行指定时也用于标题和各级标题；字体集中的一款写作 文件.ttc#字体名', 'a TTF/OTF font for the PDF body, and for title and headings unless given (for example 仿宋_GB2312); one face of a collection as FILE.ttc#FACE'))
    .option('--title-font <file>', h('PDF 标题字体（例如 方正小标宋简体）', 'a font for the PDF title (for example 方正小标宋简体)'))
    .option('--heading-font <file>', h('PDF 各级标题字体（例如 黑体）', 'a font for the PDF headings (for example 黑体)'))
    .option('--pdfa', h('输出 PDF/A-2b 归档格式的 PDF', 'write PDFs as PDF/A-2b, the archival form'))
    .option('--libreoffice', LIBREOFFICE_HELP)
    .option('--year <year>', YEAR_HELP)
    .option('--strict', h('有检查错误（包括 PDF 字体缺字）时以 1 退出', 'exit with 1 when any check fails, a character the PDF font lacks included'))
    .addHelpText('after', `\n${h('示例：', 'Examples:')}\n  report-convert convert report.html --to docx,pdf\n  report-convert convert archive/ --to xlsx,json --out-dir out/\n  report-convert convert https://www.example.gov.cn/art/2025/1/20/art_5843.html\n  cat report.txt | report-convert convert - --to json > report.json\n  report-convert convert report.html --to pdf --out-dir - > report.pdf\n  report-convert convert 2023年度报告.pdf --to docx,xlsx\n  report-convert convert legacy/2016.txt --layout 2021 --mapping mapping.json\n  report-convert convert archive/ --year name --to json --out-dir out/\n  SOURCE_DATE_EPOCH=1705716000 report-convert convert archive/ --to pdf\n\n${h('环境变量 SOURCE_DATE_EPOCH（1970 年以来的秒数）：每个输出文件的创建时间；\n同一输入再次转换，得到完全相同的文件。', 'SOURCE_DATE_EPOCH (seconds since 1970): the creation date written in every\noutput, so that the same input converted again gives the same bytes.')}`)
    .action(async (inputs: string[], opts: { to: string; outDir: string; from: InputFormat; layout: string; mapping?: string; font?: string; titleFont?: string; headingFont?: string; pdfa?: boolean; strict?: boolean; libreoffice?: boolean; year?: string }, command: Command) => {
      const year = yearOption(opts.year);
      // JSON as json, a stray comma (json,) ignored, a format given twice written once.
      const to = [...new Set(opts.to.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))] as OutputFormat[];
      const unknown = to.filter((f) => !OUTPUT_FORMATS.includes(f));
      if (unknown.length) throw new UsageError(t(lang(), `未知的输出格式：${unknown.join('、')}（可用：${OUTPUT_FORMATS.join('、')}）`, `unknown output format: ${unknown.join(', ')} (use ${OUTPUT_FORMATS.join(', ')})`));
      if (!to.length) throw new UsageError(t(lang(), `--to 没有给出输出格式（可用：${OUTPUT_FORMATS.join('、')}）`, `--to names no output format (use ${OUTPUT_FORMATS.join(', ')})`));
      if (opts.mapping && opts.layout === 'auto') throw new UsageError(t(lang(), '--mapping 需要与 --layout 2019 或 2021 一起使用', '--mapping goes with --layout 2019 or 2021'));
      const layout = opts.layout === 'auto' ? undefined : (opts.layout as LayoutId);
      const mapping = opts.mapping ? await readMapping(opts.mapping, lang()) : undefined;
      const migration = { ...(layout ? { layout } : {}), ...(mapping ? { mapping } : {}) };
      const given = Object.entries({ body: opts.font, title: opts.titleFont, heading: opts.headingFont }).filter((entry): entry is [keyof PdfFonts, string] => entry[1] !== undefined);
      // Read once, into memory a batch's workers share; the check below parses these same bytes.
      const fonts = to.includes('pdf') ? sharedFonts(Object.fromEntries(given.map(([role, path]) => [role, resolve(path)]))) : undefined;
      if (fonts)
        for (const [role, path] of given) {
          const problem = (await import('@report-convert/to-pdf')).fontProblem(fonts[role]!);
          if (problem) throw new UsageError(t(lang(), `无法使用字体 ${path}：${problem.messageZh}`, `cannot use the font ${path}: ${problem.message}`));
        }
      const writing = { ...(fonts ? { fonts } : {}), ...(opts.pdfa ? { pdfa: true } : {}), ...sourceDate(lang()) };
      // `-` as the input reads standard input; `--out-dir -` writes standard output. Either way: one input, one format.
      if (inputs.includes('-') || opts.outDir === '-') {
        if (inputs.length > 1 || to.length !== 1) throw new UsageError(t(lang(), '使用标准输入或标准输出时只能有一个输入和一种输出格式', 'standard input or output takes exactly one input and one output format'));
        // Standard input is converted to standard output: a directory given for it would be silently passed over.
        if (inputs[0] === '-' && opts.outDir !== '-' && command.getOptionValueSource('outDir') === 'cli')
          throw new UsageError(t(lang(), `标准输入的转换结果写到标准输出，不写到 --out-dir ${opts.outDir}：请去掉 --out-dir 并重定向（例如 > report.${to[0]}），或先把输入存为文件`, `standard input is converted to standard output, not into --out-dir ${opts.outDir}: drop --out-dir and redirect (for example > report.${to[0]}), or save the input to a file first`));
        if (io.stdoutIsTerminal && to[0] !== 'json') throw new UsageError(t(lang(), `不把 ${to[0]} 文件的二进制内容写到终端：请重定向到文件，例如 > report.${to[0]}`, `not writing a binary ${to[0]} file to the terminal: redirect it, for example > report.${to[0]}`));
        const name = inputs[0] === '-' ? '-' : await theOneInput(inputs[0]!, lang());
        const source = name === '-' ? { ok: true as const, bytes: await io.stdin() } : await readSource(name);
        if (!source.ok) throw new UsageError(t(lang(), `${name}：${source.messageZh}`, `${name}: ${source.message}`));
        const read = await (await import('./readInput.js')).readBytes(source.bytes, name, { from: opts.from, ...(opts.libreoffice ? { libreOffice: true } : {}), ...year });
        if (!read.ok) {
          io.stderr(`${t(lang(), read.messageZh, read.message)}\n`);
          exitCode = 2;
          return;
        }
        const { formatFinding } = await presenting();
        const converted = await (await converting()).convertReport(read, { to, ...writing, ...migration });
        io.writeStdout(converted.outputs[0]!.bytes);
        for (const f of converted.findings) io.stderr(formatFinding(f, lang(), name, converted.fromModel) + '\n');
        if (converted.record) io.stderr(t(lang(), '迁移记录未写出：标准输出只写转换结果；要保留每个数字的去向（<文件名>.migration.json），请用 --out-dir 指定目录\n', 'the migration record is not written: standard output takes the converted report only; to keep where each figure went (<name>.migration.json), give --out-dir a directory\n'));
        exitCode = opts.strict && converted.findings.some((f) => f.severity === 'error') ? 1 : 0;
        return;
      }
      const { inputs: files, unread, ownOutputs } = await expandInputs(inputs, opts.outDir);
      for (const u of unread) io.stderr(t(lang(), `${u.whyZh}：${u.input}\n`, `${u.why}: ${u.input}\n`));
      const skipped = ownOutputs.length;
      if (skipped)
        io.stderr(t(lang(), `跳过 ${skipped} 个 report-convert 此前由这里其他输入转换出的输出文件（如 ${ownOutputs[0]}），不作为输入；如需转换其中某个，请在命令行直接指定该文件\n`, `skipping ${skipped} file${skipped === 1 ? '' : 's'} that report-convert wrote earlier from other inputs here (such as ${ownOutputs[0]}): not taken as inputs; to convert one, name it on the command line\n`));
      if (!files.length) throw new UsageError(t(lang(), '没有可转换的输入', 'nothing to convert'));
      const show = progress(files.length, io.tty, io.stderr, lang());
      let converted = 0;
      let withFindings = 0;
      let failed = 0;
      let checksFailed = false;
      // Kept in the layout they are in (a 2021 report asked for 2019), said by name as failures are: a count would not tell which.
      const notMigrated: string[] = [];
      const single = files.length === 1;
      const formatFinding = single ? (await presenting()).formatFinding : undefined;
      const findingLines: string[] = [];
      // Failures are said as they happen and again after the summary: in a long batch they have scrolled away.
      const failures = unread.map((u) => t(lang(), `${u.input}：${u.whyZh}`, `${u.input}: ${u.why}`));
      const interrupted = new AbortController();
      let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
      // A batch stops between reports on the first Ctrl-C. One input is converted in this thread, where a
      // handler would wait for the conversion to end: Ctrl-C ends it at once, and the rename that writes
      // each output leaves none half-written.
      if (!single)
        io.onInterrupt?.((signal) => {
          stoppedBy = signal;
          interrupted.abort();
        });
      await runBatch(files, { to, outDir: resolve(opts.outDir), from: opts.from, ...writing, ...migration, ...(opts.libreoffice ? { libreOffice: true } : {}), ...year }, (result, done) => {
        if (result.status === 'failed') {
          failed++;
          const line = t(lang(), `${result.input}：${result.messageZh}`, `${result.input}: ${result.message}`);
          failures.push(line);
          io.stderr(`${io.tty ? '\r\x1b[K' : ''}${line}\n`);
        } else {
          converted++;
          // Said apart from the checks' findings: `report-convert check`, which a batch points to for those, does not migrate.
          const unmigrated = result.findings.find((f) => f.rule === 'migrate.unsupported');
          const errors = result.findings.filter((f) => f.severity !== 'info' && f !== unmigrated);
          if (unmigrated) {
            const line = t(lang(), `${result.input}：${unmigrated.messageZh}`, `${result.input}: ${unmigrated.message}`);
            notMigrated.push(line);
            if (!single) findingLines.push(line);
          }
          if (errors.length) withFindings++;
          checksFailed ||= result.findings.some((f) => f.severity === 'error');
          // One input: every finding, notes (提示, such as a year taken from the date) too. A batch: a count of problems per file, so the summary stays readable.
          // One by one, not push(...): a long input's hundred thousand findings would overflow the call's arguments.
          if (formatFinding) for (const f of result.findings) findingLines.push(formatFinding(f, lang(), result.input, result.fromModel));
          else if (errors.length) findingLines.push(t(lang(), `${result.input}：${errors.length} 个检查问题（用 report-convert check 查看）`, `${result.input}: ${errors.length} findings (see report-convert check)`));
        }
        // Lines go above the progress bar: on a terminal, clear the bar's line first.
        if (!single) for (const line of findingLines.splice(0)) io.stderr(`${io.tty ? '\r\x1b[K' : ''}${line}\n`);
        show(done, result.input);
      }, { signal: interrupted.signal });
      if (interrupted.signal.aborted) {
        io.stderr(t(lang(), `\n已中断：已转换 ${converted} 个，其余未转换；没有留下写了一半的文件\n`, `\ninterrupted: ${converted} converted, the rest not; no half-written file is left\n`));
        exitCode = stoppedBy === 'SIGTERM' ? 143 : 130; // 128 + the signal's number, as shells report it
        return;
      }
      for (const line of findingLines) io.stderr(line + '\n');
      // Worded as check's summary: every input counted, then those that failed, then what was found.
      const total = files.length + unread.length + skipped;
      const unconverted = failed + unread.length;
      // "Converted 3, 2 failed" would contradict itself: the inputs, then what became of them.
      const amongZh = [withFindings ? `${withFindings} 个有检查问题` : '', notMigrated.length ? `${notMigrated.length} 个未迁移` : ''].filter(Boolean).join('，');
      const amongEn = [withFindings ? `${withFindings} with findings` : '', notMigrated.length ? `${notMigrated.length} not migrated` : ''].filter(Boolean).join(', ');
      const zh = `共 ${total} 个文件：转换 ${converted} 个${amongZh ? `（其中 ${amongZh}）` : ''}${unconverted ? `，失败 ${unconverted} 个` : ''}${skipped ? `，跳过 ${skipped} 个（本工具此前的输出）` : ''}`;
      const en = `${total} file${total === 1 ? '' : 's'}: ${converted} converted${amongEn ? ` (${amongEn})` : ''}${unconverted ? `, ${unconverted} failed` : ''}${skipped ? `, ${skipped} skipped (report-convert's own outputs)` : ''}`;
      io.stderr(t(lang(), zh, en) + '\n');
      const listed = (heading: string, lines: string[]) => (!single && lines.length ? io.stderr(heading + lines.map((line) => `  ${line}\n`).join('')) : undefined);
      listed(t(lang(), `未迁移到 ${layout} 版式的输入（输出保持原版式）：\n`, `not migrated to the ${layout} layout (their outputs keep their own):\n`), notMigrated);
      listed(t(lang(), '失败的输入：\n', 'failed inputs:\n'), failures);
      exitCode = failed || unread.length ? 2 : opts.strict && checksFailed ? 1 : 0;
    });

  program
    .command('check')
    .showHelpAfterError(seeHelp('check '))
    .description(h('核对勾稽关系，按印出的表、行、列列出问题', 'run the arithmetic checks (勾稽关系) and print findings with the table, row and column as printed'))
    .argument('<inputs...>', h('文件、目录、通配符或网页地址（文本、网页、Markdown、JSON、.docx、.xlsx、文字版 PDF）', 'files, directories, globs or web page addresses (text, web pages, Markdown, JSON, .docx, .xlsx, PDFs with text)'))
    .addOption(new Option('--from <format>', h('指定输入格式，不自动识别', 'input format instead of sniffing')).choices(['auto', 'text', 'markdown', 'html', 'json', 'docx', 'xlsx', 'pdf']).default('auto'))
    .option('--json', h('以 JSON 输出检查结果，供程序读取', 'print findings as JSON for machines'))
    .option('--libreoffice', LIBREOFFICE_HELP)
    .option('--year <year>', YEAR_HELP)
    .option('--series', h('另外跨年度核对同一机关的报告（上年结转 = 上一年的结转下年度）', "also check one agency's reports across years (上年结转 = last year's 结转下年度)"))
    .addHelpText('after', `\n${h('示例：', 'Examples:')}\n  report-convert check report.html 2023年度报告.pdf\n  report-convert check reports/2019.html reports/2020.html --series\n  report-convert check archive/ --json --lang en`)
    .action(async (inputs: string[], opts: CheckOptions & { year?: string }) => {
      exitCode = await (await import('./checkCommand.js')).checkCommand(inputs, { ...opts, ...yearOption(opts.year) }, io, lang());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr(`${t(lang(), 'report-convert：', 'report-convert: ')}${error.message}\n`);
      return 2;
    }
    if (program.opts<{ debug?: boolean }>().debug) io.stderr(`${(error as Error).stack}\n`);
    else io.stderr(t(lang(), `report-convert：内部错误：${(error as Error).message}（加 --debug 查看详情）\n`, `report-convert: internal error: ${(error as Error).message} (run with --debug for details)\n`));
    return 2;
  }
}

import { check, checkSeries, type Finding, type InputFormat, type Lang, type Report } from '@report-convert/core';
import type { Io } from './cli.js';
import { inWorkbook, type ReadResult } from './convert.js';
import { expandInputs } from './files.js';
import { formatFinding } from './present.js';
import { progress } from './progress.js';
import { t } from './say.js';
import { readBytes, readInput } from './readInput.js';
import type { YearOption } from './givenYear.js';

export interface CheckOptions {
  from: InputFormat;
  json?: boolean;
  series?: boolean;
  /** Convert old binary .doc/.xls (and WPS's .wps/.et) through LibreOffice first. */
  libreoffice?: boolean;
  /** The year of reports that state none (--year). */
  year?: YearOption;
}

/**
 * `report-convert check`: runs the checks over every input and prints each file's findings as it is
 * checked (JSON too, entry by entry), keeping a report only for --series, so that an archive of
 * thousands is checked in flat memory. Returns the exit code: 0 clean, 1 failed checks, 2 unreadable.
 */
export async function checkCommand(inputs: string[], opts: CheckOptions, io: Io, lang: Lang): Promise<number> {
  // `-` reads standard input, as convert's does.
  const expanded = await expandInputs(inputs.filter((input) => input !== '-'));
  const files = [...(inputs.includes('-') ? ['-'] : []), ...expanded.inputs.map((input) => input.path)];
  const json = opts.json ? jsonWriter(io) : undefined;
  // A missing input (or a folder that cannot be read) is listed as an unreadable file is: in the JSON when asked for, else on standard error.
  for (const u of expanded.unread) {
    if (json) json.file({ file: u.input, findings: [], error: t(lang, u.whyZh, u.why) });
    else io.stderr(t(lang, `${u.whyZh}：${u.input}\n`, `${u.why}: ${u.input}\n`));
  }
  const bar = io.tty && files.length > 1;
  const show = bar ? progress(files.length, true, io.stderr, lang) : () => {};
  const clearBar = () => bar && io.stderr('\r\x1b[K'); // lines go above the bar
  let count = 0;
  let notes = 0; // info findings: said, but not problems
  let unreadable = expanded.unread.length; // inputs not found or folders not readable, and files that are not a report we can read
  let failedChecks = false;
  const tally = (file: string | undefined, findings: Finding[], fromModel?: boolean) => {
    notes += findings.filter((f) => f.severity === 'info').length;
    count += findings.filter((f) => f.severity !== 'info').length;
    failedChecks ||= findings.some((f) => f.severity === 'error');
    if (json) return;
    for (const f of findings) {
      clearBar();
      io.stdout(`${formatFinding(f, lang, file, fromModel)}\n`);
    }
  };
  const reports: Report[] = [];
  const reportFiles: { file: string; read: ReadResult & { ok: true } }[] = [];
  const readOptions = { from: opts.from, ...(opts.libreoffice ? { libreOffice: true } : {}), ...(opts.year !== undefined ? { year: opts.year } : {}) };
  for (const [i, file] of files.entries()) {
    const parsed = file === '-' ? await readBytes(await io.stdin(), file, readOptions) : await readInput(file, readOptions);
    if (!parsed.ok) {
      unreadable++;
      const error = t(lang, parsed.messageZh, parsed.message);
      if (json) json.file({ file, findings: [], error });
      else {
        clearBar();
        io.stderr(t(lang, `${file}：${error}\n`, `${file}: ${error}\n`));
      }
    } else {
      const findings = await inWorkbook(parsed, [...parsed.findings, ...check(parsed.report)]);
      json?.file({ file, findings });
      tally(file, findings, parsed.fromModel);
      if (opts.series) {
        reports.push(parsed.report);
        reportFiles.push({ file, read: parsed });
      }
    }
    show(i + 1, file);
  }
  // A cross-year finding is about the later year's file: it says so, with that file's position.
  const series = opts.series ? checkSeries(reports) : [];
  const aboutFile = (f: Finding) => reportFiles[(f.details as { report?: number } | undefined)?.report ?? -1];
  for (const f of series) {
    const about = aboutFile(f);
    tally(about?.file, about ? await inWorkbook(about.read, [f]) : [f], about?.read.fromModel);
  }
  if (json) json.end(series.map((f) => ({ ...(aboutFile(f) ? { file: aboutFile(f)!.file } : {}), ...f })));
  else {
    // Every input is counted, and those that could not be checked are said: 0 findings alone would read as all clear.
    const total = files.length + expanded.unread.length;
    // An empty folder or a glob that matched nothing: said as convert says it, not as an all-clear.
    if (total === 0) io.stderr(t(lang, `没有可检查的输入（${inputs.join('、')} 中没有报告文件）\n`, `nothing to check (no report file in ${inputs.join(', ')})\n`));
    const found = t(lang, `发现 ${count} 个问题${notes ? `（另有 ${notes} 条提示）` : ''}`, `${count} findings${notes ? ` (and ${notes} note${notes === 1 ? '' : 's'})` : ''}`);
    io.stderr(t(lang, `检查了 ${total} 个文件${unreadable ? `：${unreadable} 个无法读取，` : '，'}${found}\n`, `checked ${total} file${total === 1 ? '' : 's'}${unreadable ? `: ${unreadable} unreadable, ` : ', '}${found}\n`));
  }
  return unreadable || files.length === 0 ? 2 : failedChecks ? 1 : 0;
}

/** `{ "files": [...], "series": [...] }`, written a file's entry at a time. */
function jsonWriter(io: Io) {
  const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));
  let entries = 0;
  return {
    file: (entry: { file: string; findings: Finding[]; error?: string }) => io.stdout(`${entries++ ? ',\n' : '{\n  "files": [\n'}${indent(JSON.stringify(entry, null, 2), 4)}`),
    end: (series: unknown[]) => io.stdout(`${entries ? '\n  ],' : '{\n  "files": [],'}\n  "series": ${indent(JSON.stringify(series, null, 2), 2).trimStart()}\n}\n`),
  };
}

import { Command, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Lang } from '@report-convert/core';
import { displayWidth } from './columns.js';
import { CommandInLang, helpConfiguration } from './commanderText.js';

/** A small program with the kinds of arguments and options the CLI has, failing as commander fails it. */
function program(lang: Lang) {
  const tool = new CommandInLang('tool', lang).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  tool.command('run').argument('<inputs...>').addOption(new Option('--layout <layout>').choices(['auto', '2019', '2021'])).option('--to <formats>').option('--from <format>').option('--font <file>').action(() => {});
  tool.command('bare').action(() => {});
  tool.command('strict').requiredOption('--must <value>').action(() => {});
  return tool;
}

function usageError(lang: Lang, args: string[]): string {
  try {
    program(lang).parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.message;
    throw error;
  }
  throw new Error(`${args.join(' ')} parsed`);
}

describe('commander usage errors', () => {
  it('are said in Chinese, with the suggestion', () => {
    expect(usageError('zh', ['run', 'a', '--fro'])).toBe('错误：未知选项 --fro\n（是否想用 --from？）');
    expect(usageError('zh', ['run', 'a', '--foo'])).toBe('错误：未知选项 --foo\n（是否想用 --font 或 --from？）');
    expect(usageError('zh', ['run', 'a', '--xyzzy'])).toBe('错误：未知选项 --xyzzy');
    expect(usageError('zh', ['run'])).toBe('错误：缺少必需的参数 inputs');
    expect(usageError('zh', ['run', 'a', '--to'])).toBe('错误：选项 --to <formats> 缺少取值');
    expect(usageError('zh', ['run', 'a', '--layout', '2020'])).toBe('错误：选项 --layout <layout> 的取值“2020”无效（可选：auto、2019、2021）');
    expect(usageError('zh', ['rnu'])).toBe('错误：未知命令 rnu\n（是否想用 run？）');
    expect(usageError('zh', ['bare', 'x', 'y'])).toBe('错误：bare 命令的参数过多：应为 0 个，实际 2 个');
  });

  it('are commander\'s own in English, and so is one commander has that the CLI cannot meet', () => {
    expect(usageError('en', ['run', 'a', '--fro'])).toBe("error: unknown option '--fro'\n(Did you mean --from?)");
    expect(usageError('en', ['run', 'a', '--layout', '2020'])).toBe("error: option '--layout <layout>' argument '2020' is invalid. Allowed choices are auto, 2019, 2021.");
    expect(usageError('zh', ['strict'])).toBe("error: required option '--must <value>' not specified");
  });
});

describe('help', () => {
  const help = (lang: Lang, helpWidth: number) => {
    const run = new Command('run').configureHelp({ ...helpConfiguration(lang), helpWidth }).description('把报告转换为 Word、Excel、PDF 和 JSON').argument('<inputs...>');
    run.addOption(new Option('--layout <layout>', '迁移到此表格格式（旧版统计表和 2019 年版报告）；auto 保留原格式；每个数字的去向记录在输出旁的 <文件名>.migration.json').choices(['auto', '2019', '2021']));
    run.option('--to <formats>', '输出格式，以逗号分隔：docx,xlsx,pdf,json');
    return run.helpInformation();
  };

  it('wraps Chinese between characters within the width, a Chinese character taking two columns', () => {
    for (const width of [64, 80]) {
      const lines = help('zh', width).split('\n');
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      // Every line of the layout's description starts in the column of the other descriptions.
      const layout = lines.findIndex((line) => line.startsWith('  --layout <layout>'));
      const column = lines[layout]!.indexOf('迁移');
      expect(lines[layout + 1]!.slice(0, column).trim()).toBe('');
      expect(lines[layout + 1]![column]).not.toBe(' ');
    }
    expect(help('zh', 80)).toMatch(/^选项：$/m);
    expect(help('zh', 80)).toContain('（可选：auto、2019、2021）');
    expect(help('en', 80)).toMatch(/\(choices: "auto", "2019", "2021"\)/);
  });
});

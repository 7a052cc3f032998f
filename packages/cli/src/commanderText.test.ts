import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Lang } from '@report-convert/core';
import { displayWidth } from './columns.js';
import { helpConfiguration } from './commanderText.js';

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
    expect(help('en', 80)).toMatch(/\(choices: "auto", "2019", "2021"\)/);
  });
});

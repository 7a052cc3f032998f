import type { Help, HelpConfiguration } from 'commander';
import type { Lang } from '@report-convert/core';
import { wrapLines } from '@report-convert/to-pdf/linebreak';
import { displayWidth } from './columns.js';

/**
 * What commander itself writes, in the user's language and laid out in terminal columns: help
 * measured by display width, Chinese help wrapped between characters with the punctuation rules
 * of print.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  if (lang !== 'zh') return { displayWidth };
  return {
    displayWidth,
    boxWrap(this: Help, text: string, width: number) {
      return width < this.minWidthToWrap ? text : text.split('\n').map((line) => wrapInColumns(line, width)).join('\n');
    },
    styleTitle: (title) => TITLES[title] ?? title,
  };
}

const TITLES: Record<string, string> = { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' };

/**
 * wrapLines hangs a closing mark past the width, as print does; a terminal would wrap it onto a line
 * of its own, so the width narrows until no line passes it.
 */
function wrapInColumns(text: string, width: number): string {
  for (let narrower = width; ; narrower--) {
    const lines = wrapLines(text, narrower, displayWidth).map((line) => line.trimEnd());
    if (narrower <= 1 || lines.every((line) => displayWidth(line) <= width)) return lines.join('\n');
  }
}

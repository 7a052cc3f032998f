import { Command, type Argument, type ErrorOptions, type Help, type HelpConfiguration, type Option } from 'commander';
import type { Lang } from '@report-convert/core';
import { wrapLines } from '@report-convert/to-pdf/linebreak';
import { displayWidth } from './columns.js';

/**
 * What commander itself writes, in the user's language and laid out in terminal columns: help
 * measured by display width, Chinese help wrapped between characters with the punctuation rules
 * of print, and commander's usage errors in Chinese.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  if (lang !== 'zh') return { displayWidth };
  return {
    displayWidth,
    boxWrap(this: Help, text: string, width: number) {
      return width < this.minWidthToWrap ? text : text.split('\n').map((line) => wrapInColumns(line, width)).join('\n');
    },
    styleTitle: (title) => TITLES[title] ?? title,
    // A default is said for an option taking a value, as commander does: a flag's is only ever false.
    optionDescription: (option: Option) => withChoicesAndDefault(option.description, option.argChoices, option.required || option.optional ? defaultOf(option) : undefined),
    argumentDescription: (argument: Argument) => withChoicesAndDefault(argument.description, argument.argChoices, defaultOf(argument)),
  };
}

const TITLES: Record<string, string> = { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：', 'Global Options:': '全局选项：' };

const defaultOf = (item: Option | Argument): string | undefined => item.defaultValueDescription ?? (item.defaultValue === undefined ? undefined : String(item.defaultValue));

/** 输出格式（可选：a、b；默认：a）: commander's "(choices: "a", "b", default: "a")" in Chinese. */
function withChoicesAndDefault(description: string, choices: string[] | undefined, defaultValue: string | undefined): string {
  const extra = [choices && `可选：${choices.join('、')}`, defaultValue !== undefined && `默认：${defaultValue}`].filter(Boolean);
  return extra.length ? `${description}（${extra.join('；')}）` : description;
}

/**
 * wrapLines lets a closing mark hang past the width where a line holds a single word and its marks; a
 * terminal would wrap it onto a line of its own, so the width narrows until no line passes it.
 */
function wrapInColumns(text: string, width: number): string {
  for (let narrower = width; ; narrower--) {
    const lines = wrapLines(text, narrower, displayWidth).map((line) => line.trimEnd());
    if (narrower <= 1 || lines.every((line) => displayWidth(line) <= width)) return lines.join('\n');
  }
}

/**
 * Commander gives its usage errors only as English sentences with a code: each is parsed here, and
 * only here, by code. One not listed, or worded differently by another commander, stays as it is.
 */
const CHINESE: Record<string, [RegExp, (...parts: string[]) => string]> = {
  'commander.unknownOption': [/^error: unknown option '(.*)'$/s, (flag) => `未知选项 ${flag}`],
  'commander.unknownCommand': [/^error: unknown command '(.*)'$/s, (name) => `未知命令 ${name}`],
  'commander.missingArgument': [/^error: missing required argument '(.*)'$/s, (name) => `缺少必需的参数 ${name}`],
  'commander.optionMissingArgument': [/^error: option '(.*)' argument missing$/s, (flags) => `选项 ${flags} 缺少取值`],
  'commander.invalidArgument': [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (flags, value, choices) => `选项 ${flags} 的取值“${value}”无效（可选：${choices.split(', ').join('、')}）`],
  'commander.excessArguments': [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s, (command, expected, got) => `${command ? `${command} 命令的` : ''}参数过多：应为 ${expected} 个，实际 ${got} 个`],
};

/** A commander usage error in `lang`: Chinese from its English, with its "(Did you mean …?)". */
function usageErrorText(message: string, code: string | undefined, lang: Lang): string {
  const rule = code === undefined ? undefined : CHINESE[code];
  if (lang !== 'zh' || !rule) return message;
  const [, error, similar] = /^(.*?)(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s.exec(message)!;
  const parts = rule[0].exec(error!);
  if (!parts) return message;
  return `错误：${rule[1](...parts.slice(1))}${similar ? `\n（是否想用 ${similar.split(', ').join(' 或 ')}？）` : ''}`;
}

/** A commander Command whose usage errors, and its subcommands', are in `lang`. */
export class CommandInLang extends Command {
  constructor(
    name: string | undefined,
    private readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new CommandInLang(name, this.lang);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(usageErrorText(message, errorOptions?.code, this.lang), errorOptions);
  }
}

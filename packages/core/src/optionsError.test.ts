import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assertOptions, OptionsError } from './optionsError.js';

const Options = z.strictObject({
  lang: z.enum(['zh', 'en']).optional(),
  date: z.date().optional(),
  fonts: z.strictObject({ body: z.union([z.string(), z.instanceof(Uint8Array)]).optional(), title: z.string().optional() }).optional(),
  size: z.number().min(5).optional(),
});

/** What assertOptions throws for these options, or undefined. */
function refusal(options: unknown): OptionsError | undefined {
  try {
    assertOptions(Options, options, 'write');
  } catch (error) {
    return error as OptionsError;
  }
  return undefined;
}

describe('assertOptions', () => {
  it('passes options that fit, absent or undefined ones too', () => {
    expect(refusal({})).toBeUndefined();
    expect(refusal({ lang: 'en', date: new Date(0), fonts: { body: new Uint8Array(1) }, size: undefined })).toBeUndefined();
  });

  it.each([
    ['a value not allowed', { lang: 'fr' }, 'write options: lang: Invalid option: expected one of "zh"|"en", received "fr"', 'write 选项有误：lang：应为 "zh"、"en" 之一，实为 "fr"'],
    ['a misspelt key, with the keys there are', { fonts: { bodyy: 'x' } }, 'write options: fonts: Unrecognized key: "bodyy" (known keys: body, title)', 'write 选项有误：fonts：有不认识的键：bodyy（可用的键：body、title）'],
    ['an unknown option', { colour: 'red' }, 'write options: Unrecognized key: "colour" (known keys: lang, date, fonts, size)', 'write 选项有误：有不认识的键：colour（可用的键：lang、date、fonts、size）'],
    ['a date as text', { date: '2024-01-01' }, 'write options: date: Invalid input: expected date, received string', 'write 选项有误：date：应为日期（Date），实为文本'],
    ['a union by its types', { fonts: { body: 12 } }, 'write options: fonts.body: Invalid input: expected string or Uint8Array, received number', 'write 选项有误：fonts.body：应为文本或Uint8Array，实为数字'],
    ['a number out of range', { size: -3 }, 'write options: size: Too small: expected number to be >=5, received -3', 'write 选项有误：size：应不小于 5，实为 -3'],
    ['no options object', 'en', 'write options: Invalid input: expected object, received string', 'write 选项有误：应为对象，实为文本'],
  ])('refuses %s with a TypeError naming the option, what was given and what is allowed, in both languages', (_, options, message, messageZh) => {
    const error = refusal(options);
    expect(error).toBeInstanceOf(OptionsError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ name: 'OptionsError', message, messageZh });
  });
});

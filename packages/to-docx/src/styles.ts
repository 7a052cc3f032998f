import { z } from 'zod';

const font = z.string().min(1);
/** Points Word can set a size in, and zod refuses NaN and Infinity. */
const points = (min: number, max: number) => z.number().min(min).max(max);
const margin = z.number().min(0).max(100);

/** GB/T 9704 defaults for official documents; every value can be changed through options, within these bounds (and toDocx's pageProblems). */
export const DocxStyle = z.strictObject({
  /** Fonts by role, named as Word knows them so a machine with the official fonts uses them. */
  fonts: z.strictObject({ title: font, heading1: font, heading2: font, body: font, table: font, latin: font }),
  /** Sizes in points: 二号 22, 三号 16, 五号 10.5. */
  sizes: z.strictObject({ title: points(5, 72), heading1: points(5, 72), heading2: points(5, 72), body: points(5, 72), table: points(5, 72), wideTable: points(5, 72) }),
  /** Page margins in millimetres. */
  margins: z.strictObject({ top: margin, bottom: margin, left: margin, right: margin }),
  /** Fixed line spacing of body text, in points. */
  lineSpacing: points(5, 100),
});
export type DocxStyle = z.infer<typeof DocxStyle>;

/** Frozen: a caller's change to it would have changed every later document of the process. */
export const GB_T_9704: Readonly<DocxStyle> = deepFreeze({
  fonts: { title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', body: '仿宋_GB2312', table: '仿宋_GB2312', latin: 'Times New Roman' },
  sizes: { title: 22, heading1: 16, heading2: 16, body: 16, table: 10.5, wideTable: 8 },
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  lineSpacing: 28,
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object') deepFreeze(inner);
  return Object.freeze(value);
}

export const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
export const A4 = { width: mmToTwips(210), height: mmToTwips(297) };

/** GB/T 9704 defaults for official documents; every value can be changed through options. */
export interface DocxStyle {
  /** Fonts by role, named as Word knows them so a machine with the official fonts uses them. */
  fonts: { title: string; heading1: string; heading2: string; body: string; table: string; latin: string };
  /** Sizes in points: 二号 22, 三号 16, 五号 10.5. */
  sizes: { title: number; heading1: number; heading2: number; body: number; table: number; wideTable: number };
  /** Page margins in millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Fixed line spacing of body text, in points. */
  lineSpacing: number;
}

export const GB_T_9704: DocxStyle = {
  fonts: { title: '方正小标宋简体', heading1: '黑体', heading2: '楷体_GB2312', body: '仿宋_GB2312', table: '仿宋_GB2312', latin: 'Times New Roman' },
  sizes: { title: 22, heading1: 16, heading2: 16, body: 16, table: 10.5, wideTable: 8 },
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  lineSpacing: 28,
};

export const mmToTwips = (mm: number) => Math.round((mm / 25.4) * 1440);
export const A4 = { width: mmToTwips(210), height: mmToTwips(297) };

/** What the system errors a user meets reading and writing files mean, in Chinese. */
const MEANING_ZH: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '无权限',
  EPERM: '无权限',
  EISDIR: '是目录，不是文件',
  ENOTDIR: '路径中有一项不是目录',
  EEXIST: '已存在',
  ENOSPC: '磁盘已满',
  EROFS: '只读的文件系统',
  EMFILE: '打开的文件过多',
  EBUSY: '文件正被占用',
  ENAMETOOLONG: '文件名过长',
  EXDEV: '不能跨磁盘移动',
};

/** A system error's code for a Chinese line: its meaning, the code kept for searching (文件不存在，ENOENT). */
export const systemErrorZh = (code: string): string => (MEANING_ZH[code] ? `${MEANING_ZH[code]}，${code}` : code);

/** Why reading or writing a file failed, for a line in each language: its code (EACCES; 无权限，EACCES), else its message. */
export function systemReason(error: unknown): { en: string; zh: string } {
  const why = (error as { code?: string }).code ?? (error as Error).message ?? 'unreadable';
  return { en: why, zh: systemErrorZh(why) };
}

import { unzipSync } from 'fflate';
import { inputError, type InputError } from '../errors.js';

/** Limits checked against the zip's own directory before anything is inflated. */
export const ZIP_LIMITS = { entries: 2_000, entryBytes: 64 * 2 ** 20, totalBytes: 256 * 2 ** 20, ratio: 200 };

/**
 * Opens an Office package safely: a zip bomb (too large once inflated, or compressed beyond any real
 * document's ratio) or too many entries is refused before the memory is spent. Only the parts asked
 * for are inflated.
 */
export function openPackage(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> | InputError {
  let entries = 0;
  let total = 0;
  let refusal: InputError | undefined;
  const refuse = (found: string, foundZh: string) => {
    refusal ??= inputError('tooLarge', found, foundZh, 'It is refused before being unpacked, to protect the machine.', '为保护本机，未解压即拒绝。');
    return false;
  };
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (refusal) return false;
        if (++entries > ZIP_LIMITS.entries) return refuse(`a package with more than ${ZIP_LIMITS.entries} parts`, `超过${ZIP_LIMITS.entries}个部件的压缩包`);
        if (file.originalSize > ZIP_LIMITS.entryBytes) return refuse(`a part (${file.name}) of ${file.originalSize} bytes once unpacked`, `解压后达${file.originalSize}字节的部件（${file.name}）`);
        if (file.size > 0 && file.originalSize / file.size > ZIP_LIMITS.ratio && file.originalSize > 2 ** 20) return refuse(`a part (${file.name}) compressed ${Math.round(file.originalSize / file.size)} to 1, as zip bombs are`, `压缩比达${Math.round(file.originalSize / file.size)}比1的部件（${file.name}），疑为压缩炸弹`);
        total += file.originalSize;
        if (total > ZIP_LIMITS.totalBytes) return refuse(`a package of more than ${ZIP_LIMITS.totalBytes} bytes once unpacked`, `解压后超过${ZIP_LIMITS.totalBytes}字节的压缩包`);
        return wanted(file.name);
      },
    });
    return refusal ?? files;
  } catch {
    return refusal ?? inputError('damaged', 'a damaged zip package', '已损坏的压缩包', 'Open and save it again in Word or Excel.', '请在 Word 或 Excel 中重新打开并保存。');
  }
}

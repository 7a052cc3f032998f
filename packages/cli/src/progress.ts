import type { Lang } from '@report-convert/core';
import { displayWidth } from './columns.js';
import { t } from './say.js';

/**
 * A progress bar on a terminal, plain lines otherwise. On a terminal, once a batch has run for a few
 * seconds, the bar also says about how long is left, from the rate so far: an archive takes minutes.
 */
export function progress(total: number, tty: boolean, write: (s: string) => void, lang: Lang = 'zh', now: () => number = () => performance.now()): (done: number, label: string) => void {
  const start = now();
  return (done, label) => {
    if (!tty) return write(`[${done}/${total}] ${label}\n`);
    const width = 20;
    const filled = Math.round((done / total) * width);
    const seconds = (now() - start) / 1000;
    const left = done > 0 && done < total && seconds >= 3 ? ` ${timeLeft(((total - done) * seconds) / done, lang)}` : '';
    // Under 80 columns, or the terminal wraps the line and \r no longer redraws it.
    write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${left} ${fit(label, 24)}${done === total ? '\n' : ''}`);
  };
}

/** The end of a label in `columns` terminal columns, padded: a Chinese character takes two. */
function fit(label: string, columns: number): string {
  let kept = '';
  let used = 0;
  for (const ch of [...label].reverse()) {
    const wide = displayWidth(ch);
    if (used + wide > columns) break;
    kept = ch + kept;
    used += wide;
  }
  return kept + ' '.repeat(columns - used);
}

/** About how long is left, rounded as a person would say it. */
export function timeLeft(seconds: number, lang: Lang): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return t(lang, `约剩 ${s} 秒`, `about ${s} s left`);
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t(lang, `约剩 ${minutes} 分 ${s % 60} 秒`, `about ${minutes} min ${s % 60} s left`);
  return t(lang, `约剩 ${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`, `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`);
}

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { systemReason } from '@report-convert/core/systemError';

/** Why an input gave no report, in both languages. */
export type Unread = { ok: false; message: string; messageZh: string };

/** An input's bytes, or why there are none, in both languages. */
export type SourceBytes = { ok: true; bytes: Uint8Array } | Unread;

/** The published page itself: `http://` or `https://`. */
export const isWebAddress = (input: string): boolean => /^https?:\/\//i.test(input);

/** Reports are far smaller; a page this big is not one (core refuses more than 64 MB anyway). */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

/** The bytes of a file, or of a web page by its address; never throws for a missing file or a dead link. */
export async function readSource(input: string): Promise<SourceBytes> {
  if (isWebAddress(input)) return download(input);
  try {
    return { ok: true, bytes: readFileSync(input) };
  } catch (error) {
    const why = systemReason(error);
    return { ok: false, message: `cannot read the file (${why.en})`, messageZh: `无法读取文件（${why.zh}）` };
  }
}

async function download(address: string): Promise<SourceBytes> {
  let response: Response;
  try {
    response = await fetch(address, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // fetch says only "fetch failed"; the system's reason (ENOTFOUND, ECONNREFUSED …) is its cause.
    const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
    const why = (error as Error).name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
    const whyZh = (error as Error).name === 'TimeoutError' ? `${TIMEOUT_MS / 1000} 秒内没有响应` : why;
    return { ok: false, message: `cannot download the page (${why})`, messageZh: `无法下载网页（${whyZh}）` };
  }
  if (!response.ok) return { ok: false, message: `the site answered ${response.status} ${response.statusText}`.trimEnd(), messageZh: `网站返回 ${response.status}${response.status === 404 ? '（网页不存在）' : ''}` };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PAGE_BYTES) return { ok: false, message: `a page of ${declared} bytes is not a report`, messageZh: `${declared} 字节的网页不是报告` };
  try {
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { ok: false, message: `the download broke off (${(error as Error).message})`, messageZh: `下载中断（${(error as Error).message}）` };
  }
}

/**
 * The name a web page's outputs take: the last part of its path without its ending
 * (…/art/2025/1/20/art_1229_5843.html → art_1229_5843), with its query if any (info_id=123), the
 * site's name for a bare address.
 */
export function webPageName(address: string): string {
  const url = new URL(address);
  const last = basename(decoded(url.pathname)).replace(/\.[^.]*$/, '');
  // Sites that serve every article from one script tell them apart by the query (info.jsp?id=123).
  const query = decoded(url.search.slice(1));
  // What no file name may hold on Windows, and control characters (%00, %0A), which Node refuses or a listing garbles.
  return [last || url.hostname, query].filter(Boolean).join('_').replace(/[\\/:*?"<>|&\x00-\x1f\x7f]/g, '_');
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

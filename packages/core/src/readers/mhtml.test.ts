import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { CORPUS_DIR } from '../test-support/corpus.js';
import { mhtmlPage } from './mhtml.js';

const page = readFileSync(join(CORPUS_DIR, 'real', '09-shuyang-drc-2023.html'));

/** Quoted-printable as browsers write it: =XX for bytes outside printable ASCII and for '=', soft breaks at 76. */
function quotedPrintable(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const b of bytes) {
    if (b === 10) {
      out += `${line}\r\n`;
      line = '';
      continue;
    }
    const token = b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + token.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += token;
  }
  return out + line;
}

const archive = (parts: { type: string; encoding: string; body: string }[]) =>
  new TextEncoder().encode(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: http://www.shuyang.gov.cn/report.html',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc123----"',
      '',
      ...parts.flatMap((p) => ['------MultipartBoundary--abc123----', `Content-Type: ${p.type}`, `Content-Transfer-Encoding: ${p.encoding}`, 'Content-Location: http://www.shuyang.gov.cn/x', '', p.body, '']),
      '------MultipartBoundary--abc123------',
      '',
    ].join('\r\n'),
  );

describe('web archives (.mht, .mhtml)', () => {
  const expected = parse(page);

  it('reads the page of a quoted-printable archive (Chrome, Edge) to the same report as the page itself', () => {
    const mhtml = archive([{ type: 'text/html', encoding: 'quoted-printable', body: quotedPrintable(page) }]);
    const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/\r\n/g, '\n').trimEnd(); // quoted-printable line breaks are CRLF
    expect(lines(mhtmlPage(mhtml)!.html)).toBe(lines(page));
    expect(parse(mhtml)).toEqual(expected);
  });

  it('reads a base64 page named by its charset, after an image part (IE, 360)', () => {
    const image = { type: 'image/png', encoding: 'base64', body: Buffer.from('not really a png').toString('base64') };
    const mhtml = archive([image, { type: 'text/html; charset="utf-8"', encoding: 'base64', body: page.toString('base64').replace(/.{76}/g, '$&\r\n') }]);
    expect(mhtmlPage(mhtml)).toMatchObject({ charset: 'utf-8' });
    expect(parse(mhtml)).toEqual(expected);
  });

  it('reads a base64 page cut short, or with a stray pad in it, up to the damage instead of throwing', () => {
    const base64 = page.toString('base64');
    const cut = base64.slice(0, 4 * 1000 + 1); // one character past a whole group: atob refused it
    const truncated = mhtmlPage(archive([{ type: 'text/html; charset="utf-8"', encoding: 'base64', body: cut }]))!.html;
    expect(Buffer.from(truncated)).toEqual(page.subarray(0, 3000));
    const padded = mhtmlPage(archive([{ type: 'text/html; charset="utf-8"', encoding: 'base64', body: `${base64.slice(0, 4002)}=${base64.slice(4002)}` }]))!.html;
    expect(Buffer.from(padded)).toEqual(page.subarray(0, 3001));
  });

  it('leaves everything else to the other readers', () => {
    expect(mhtmlPage(new Uint8Array(page))).toBeUndefined();
    expect(mhtmlPage(new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello'))).toBeUndefined();
  });
});

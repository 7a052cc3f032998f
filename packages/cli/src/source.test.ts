import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report, parse } from '@report-convert/core';
import { CORPUS_DIR } from '../../core/src/test-support/corpus.js';
import { webPageName } from './source.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const PAGE = join(CORPUS_DIR, 'real', '09-shuyang-drc-2023.html');

/** The built CLI, run without blocking: the test's own web server has to answer it. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('web pages as inputs', () => {
  let server: Server;
  let site: string;
  beforeAll(async () => {
    // A government site as the CLI meets it: an article page, one served by a script with a query, a redirect, a dead link.
    server = createServer((request, response) => {
      if (request.url === '/art/2024/1/26/art_1229_5843.html' || request.url === '/info.jsp?id=42') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(PAGE));
      } else if (request.url === '/moved.html') response.writeHead(302, { location: '/art/2024/1/26/art_1229_5843.html' }).end();
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('converts a page by its address, named after it, to the same report as the saved page', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cli-web-'));
    const r = await run(['convert', `${site}/art/2024/1/26/art_1229_5843.html`, `${site}/info.jsp?id=42`, `${site}/moved.html`, '--to', 'json', '--out-dir', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['art_1229_5843.json', 'info_id=42.json', 'moved.json']);
    const saved = parse(readFileSync(PAGE));
    if (!saved.ok) throw new Error('the corpus page no longer parses');
    for (const name of readdirSync(out)) {
      const model = Report.parse(JSON.parse(readFileSync(join(out, name), 'utf8')));
      expect(model.applications, name).toEqual(saved.report.applications);
      expect(model.meta, name).toEqual(saved.report.meta);
    }
  });

  it('says why a page could not be fetched, without a stack, and checks the rest', async () => {
    const dead = `${site}/gone.html`;
    const refused = `http://127.0.0.1:${await closedPort()}/report.html`;
    const r = await run(['check', dead, refused, `${site}/info.jsp?id=42`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${dead}：网站返回 404（网页不存在）`);
    expect(r.stderr).toContain(`${refused}：无法下载网页（ECONNREFUSED）`);
    expect(r.stderr).toMatch(/检查了 3 个文件：2 个无法读取/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const en = await run(['convert', dead, '--to', 'json', '--out-dir', mkdtempSync(join(tmpdir(), 'cli-web-')), '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain(`${dead}: the site answered 404 Not Found`);
  });
});

/** A port that was just free, and that nothing listens on now. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('webPageName', () => {
  it('names outputs after the page, its query, or the site', () => {
    expect(webPageName('http://www.example.gov.cn/art/2025/1/20/art_1229_5843.html')).toBe('art_1229_5843');
    expect(webPageName('https://www.example.gov.cn/info.jsp?id=42&type=1')).toBe('info_id=42_type=1');
    expect(webPageName('https://www.example.gov.cn/')).toBe('www.example.gov.cn');
    expect(webPageName('https://www.example.gov.cn/%E5%B9%B4%E6%8A%A5.html')).toBe('年报');
    expect(webPageName('https://www.example.gov.cn/bad%E5.html')).toBe('bad%E5');
    expect(webPageName('https://www.example.gov.cn/a%00b%0Ac%7F.html?q=%1B')).toBe('a_b_c__q=_');
  });
});

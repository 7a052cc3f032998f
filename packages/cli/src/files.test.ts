import { linkSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '@report-convert/core';
import { expandInputs, fileIdentity, outputNames, outputPath } from './files.js';

const names = (files: { path: string; root?: string }[]) => outputNames(files).map(({ name, sameNameAs }) => (sameNameAs ? { name, sameNameAs } : name));

describe('outputNames', () => {
  it('keeps the bare name of a file given directly', () => {
    expect(names([{ path: '/in/2019年报告.docx' }, { path: '/in/other.txt' }])).toEqual(['2019年报告', 'other']);
  });

  it('keeps the subfolders of a file found by walking a directory', () => {
    const root = '/archive';
    expect(names([{ path: '/archive/2016/市发改委.doc', root }, { path: '/archive/2017/市发改委.doc', root }, { path: '/archive/top.txt', root }])).toEqual(['2016/市发改委', '2017/市发改委', 'top']);
  });

  it('keeps the extension of inputs that would share a name, ignoring case', () => {
    expect(names([{ path: '/in/2019.html' }, { path: '/in/2019.DOCX' }, { path: '/in/2020.txt' }, { path: '/in/Report.txt' }, { path: '/in/report.md' }])).toEqual(['2019.html', '2019.DOCX', '2020', 'Report.txt', 'report.md']);
  });

  it('counts the migration record among the names: r.txt writes r.migration.json, which is r.migration.txt\'s JSON', () => {
    expect(names([{ path: '/mig/r.migration.txt', root: '/mig' }, { path: '/mig/r.txt', root: '/mig' }, { path: '/mig/s.txt', root: '/mig' }])).toEqual(['r.migration.txt', 'r.txt', 's']);
  });

  it('converts only the first of inputs whose names match even with extensions, and names it to the others', () => {
    expect(names([{ path: '/a/x.txt' }, { path: '/b/x.txt' }, { path: '/c/x.txt' }])).toEqual(['x.txt', { name: 'x.txt', sameNameAs: '/a/x.txt' }, { name: 'x.txt', sameNameAs: '/a/x.txt' }]);
  });
});

describe('outputPath', () => {
  const input = (name: string) => ({ path: `/in/${name}.txt`, name });

  it('takes a name starting with two dots for one inside the output directory, and refuses one that climbs out', () => {
    expect(outputPath(input('..r'), 'json', '/out', new Set())).toBe('/out/..r.json');
    expect(outputPath(input('2016/..r'), 'json', '/out', new Set())).toBe('/out/2016/..r.json');
    expect(outputPath(input('../r'), 'json', '/out', new Set())).toEqual({ refused: { message: 'refused to write: /r.json is outside /out', messageZh: '拒绝写入：/r.json 在输出目录 /out 之外' } });
  });

  it('refuses an input, in English and in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'output-path-'));
    writeFileSync(join(dir, 'm.json'), '{}');
    expect(outputPath(input('m'), 'json', dir, new Set([fileIdentity(join(dir, 'm.json'))!]))).toEqual({ refused: { message: `refused to write: ${dir}/m.json is an input and is never overwritten`, messageZh: `拒绝写入：${dir}/m.json 是输入文件，不会被覆盖` } });
  });

  it('refuses any other name of an input: on Windows and macOS disks R.docx names an input R.DOCX, as a hard link does here', () => {
    const dir = mkdtempSync(join(tmpdir(), 'output-path-'));
    writeFileSync(join(dir, 'R.DOCX'), 'the original');
    linkSync(join(dir, 'R.DOCX'), join(dir, 'R.docx'));
    const inputs = new Set([fileIdentity(join(dir, 'R.DOCX'))!]);
    expect(outputPath(input('R'), 'docx', dir, inputs)).toEqual({ refused: expect.objectContaining({ message: `refused to write: ${dir}/R.docx is an input and is never overwritten` }) });
    expect(outputPath(input('R'), 'pdf', dir, inputs)).toBe(`${dir}/R.pdf`);
  });
});

describe('outputPath through links', () => {
  const input = (name: string) => ({ path: `/in/${name}.txt`, name });
  const dir = mkdtempSync(join(tmpdir(), 'output-links-'));
  const out = join(dir, 'out');
  mkdirSync(join(out, 'real'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'elsewhere'), join(out, 'away'));
  symlinkSync('real', join(out, 'within'));
  symlinkSync('out', join(dir, 'linked'));
  const elsewhere = realpathSync(join(dir, 'elsewhere'));

  it('refuses a folder that a link leads out of the output directory, made yet or not, in English and in Chinese', () => {
    expect(outputPath(input('away/r'), 'json', out, new Set())).toEqual({ refused: { message: `refused to write: ${out}/away/r.json is outside ${out}: a link leads it to ${elsewhere}`, messageZh: `拒绝写入：${out}/away/r.json 在输出目录 ${out} 之外：经链接实际位于 ${elsewhere}` } });
    expect(outputPath(input('away/2016/r'), 'json', out, new Set())).toEqual({ refused: expect.objectContaining({ message: `refused to write: ${out}/away/2016/r.json is outside ${out}: a link leads it to ${elsewhere}/2016` }) });
    expect(outputPath(input('away/r'), 'json', join(dir, 'linked'), new Set())).toEqual({ refused: expect.objectContaining({ message: `refused to write: ${dir}/linked/away/r.json is outside ${dir}/linked: a link leads it to ${elsewhere}` }) });
  });

  it('takes a linked output directory, and a link to a folder within it', () => {
    expect(outputPath(input('within/r'), 'json', out, new Set())).toBe(`${out}/within/r.json`);
    expect(outputPath(input('2016/r'), 'json', join(dir, 'linked'), new Set())).toBe(`${dir}/linked/2016/r.json`);
    expect(outputPath(input('within/r'), 'json', join(dir, 'linked'), new Set())).toBe(`${dir}/linked/within/r.json`);
  });

  it('resolves each folder once for a run, whatever the number of inputs and formats in it', () => {
    const realFolders = new Map<string, string>();
    for (const name of ['2016/a', '2016/b', 'c', 'd']) for (const ext of ['json', 'docx', 'pdf']) outputPath(input(name), ext, out, new Set(), realFolders);
    expect([...realFolders.keys()].sort()).toEqual([out, join(out, '2016')]);
  });
});

describe('expandInputs', () => {
  it('walks folders an archive links in, each real folder once: a link back up the tree ends there, a dangling one is nothing, a migration record no input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-links-'));
    const elsewhere = join(dir, 'elsewhere', '2019');
    mkdirSync(elsewhere, { recursive: true });
    mkdirSync(join(dir, 'archive', '2018'), { recursive: true });
    writeFileSync(join(elsewhere, 'a.txt'), 'x');
    writeFileSync(join(dir, 'archive', '2018', 'b.txt'), 'x');
    symlinkSync(elsewhere, join(dir, 'archive', '2019'));
    symlinkSync('..', join(dir, 'archive', '2018', 'up'));
    symlinkSync(join(elsewhere, 'a.txt'), join(dir, 'archive', 'c.txt'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'archive', 'gone.txt'));
    writeFileSync(join(dir, 'archive', '2018', 'b.migration.json'), '{}'); // our record, written beside its input by --out-dir archive/2018
    const { inputs, unread } = await expandInputs([join(dir, 'archive')]);
    expect(inputs.map((i) => i.name)).toEqual(['2018/b', '2019/a', 'c']);
    expect(unread).toEqual([]);
  });

  it('leaves out, when the output directory is walked, a file of ours named as another input\'s output: only ours, only so named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-own-'));
    const model = JSON.stringify(generateReport(1), null, 2) + '\n'; // as convert writes it
    writeFileSync(join(dir, 'a.txt'), 'x');
    writeFileSync(join(dir, 'a.json'), model); // a.txt's output
    writeFileSync(join(dir, 'b.txt'), 'x');
    writeFileSync(join(dir, 'b.json'), '{"name": "an agency\'s own data"}');
    writeFileSync(join(dir, 'c.json'), model); // a model of ours that no input here writes
    const inPlace = await expandInputs([dir], dir);
    expect(inPlace.ownOutputs).toEqual([join(dir, 'a.json')]);
    expect(inPlace.inputs.map((i) => i.name)).toEqual(['a', 'b.json', 'b.txt', 'c']);
    expect((await expandInputs([dir], join(dir, '..'))).ownOutputs).toEqual([]);
    expect((await expandInputs([join(dir, 'a.txt'), join(dir, 'a.json')], dir)).ownOutputs).toEqual([]); // named, not walked
  });

  it('leaves out our outputs in a walked folder inside the output directory: out/in/in/r.txt, walked from out/in, wrote out/in/r.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'walk-nested-'));
    mkdirSync(join(out, 'in', 'in'), { recursive: true });
    writeFileSync(join(out, 'in', 'in', 'r.txt'), 'x');
    writeFileSync(join(out, 'in', 'r.json'), JSON.stringify(generateReport(1), null, 2) + '\n');
    writeFileSync(join(out, 'in', 's.txt'), 'x');
    const nested = await expandInputs([join(out, 'in')], out);
    expect(nested.ownOutputs).toEqual([join(out, 'in', 'r.json')]);
    expect(nested.inputs.map((i) => i.name)).toEqual(['in/r', 's']);
  });
});

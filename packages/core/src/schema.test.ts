import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { Report } from './model.js';

it('the shipped JSON Schema is the one generated from the zod model', () => {
  const shipped = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8'));
  const { $id: _id, title: _title, ...rest } = shipped;
  expect(rest).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(Report, { target: 'draft-2020-12' }))));
  expect(Object.keys(shipped.properties)).toEqual(expect.arrayContaining(['meta', 'layouts', 'activeDisclosure', 'applications', 'reviewLitigation', 'legacy', 'sources']));
});

it('refuses a JSON model with a misspelt column beside the others, instead of dropping it and its figure', async () => {
  const { generateReport } = await import('./generate/report.js');
  const { parse } = await import('./parse.js');
  const report = generateReport(1, { layout: '2021' });
  const misspelt = JSON.parse(JSON.stringify(report));
  misspelt.applications.newReceived.totl = 12;
  misspelt.reviewLitigation.review.uphld = 3;
  const result = parse(JSON.stringify(misspelt));
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toContain('applications.newReceived: Unrecognized key: "totl"');
  expect(result.error.message).toContain('reviewLitigation.review: Unrecognized key: "uphld"');
  expect(parse(JSON.stringify(report)).ok).toBe(true);
});

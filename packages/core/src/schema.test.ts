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

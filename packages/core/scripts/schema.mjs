// Writes the JSON Schema of the report model, generated from the zod schema (the single source of truth).
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Report } from '../dist/model.js';

const schema = { ...z.toJSONSchema(Report, { target: 'draft-2020-12' }), $id: 'https://report-convert.dev/schema/report.schema.json', title: 'report-convert Report' };
writeFileSync(new URL('../schema/report.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');

import { describe, expect, it } from 'vitest';
import { generateReport } from './generate/report.js';
import { Report } from './model.js';
import { schemaProblems } from './schemaIssues.js';
import { parseMapping } from './migrate/index.js';

describe('schemaProblems', () => {
  const good = generateReport(1, { layout: '2021' });

  it('finds none in a value that fits', () => {
    expect(schemaProblems(Report, good, '(top)')).toEqual([]);
  });

  it('names the keys a misspelt one stands among, and the value given where zod leaves it out, in both languages', () => {
    const misspelt = { ...good, applications: { ...good.applications, newReceived: { ...good.applications.newReceived, totl: 12 } }, layouts: { ...good.layouts, applications: '2020' } };
    expect(schemaProblems(Report, misspelt, '(top)')).toEqual([
      { message: 'layouts.applications: Invalid option: expected one of "2019"|"2021", received "2020"', messageZh: 'layouts.applications：应为 "2019"、"2021" 之一，实为 "2020"' },
      {
        message: 'applications.newReceived: Unrecognized key: "totl" (known keys: naturalPerson, commercial, research, publicInterest, legalService, other, total)',
        messageZh: 'applications.newReceived：有不认识的键：totl（可用的键：naturalPerson、commercial、research、publicInterest、legalService、other、total）',
      },
    ]);
  });

  it('names the keys of a table (a record of the model\'s row ids) beside a misspelt row, and a union of objects not as one of types', () => {
    const misspelt = { ...good, applications: { ...good.applications, grantd: good.applications.granted } };
    const [problem] = schemaProblems(Report, misspelt, '(top)');
    expect(problem!.message).toMatch(/^applications: Unrecognized key: "grantd" \(known keys: newReceived, carriedOver, granted, .*\)$/);
    expect(problem!.messageZh).toMatch(/^applications：有不认识的键：grantd（可用的键：newReceived、carriedOver、granted、.*）$/);
    const rule = parseMapping({ rules: [{ from: ['fees'], to: { '2019': 'section:otherMatters' } }] });
    expect(rule.ok ? [] : rule.errors.map((e) => e.message)).not.toContainEqual(expect.stringMatching(/string or string/));
  });

  it('names the value itself by `top`, or by nothing when it is empty', () => {
    expect(schemaProblems(Report, 'x', '(top)')[0]!.message).toBe('(top): Invalid input: expected object, received string');
    expect(schemaProblems(Report, 'x', '')[0]).toEqual({ message: 'Invalid input: expected object, received string', messageZh: '应为对象，实为文本' });
  });
});

import { generateReport } from '../generate/report.js';

/**
 * Values a caller might hand a writer as a report, each with the path its ReportModelError must name:
 * nothing at all, a figure that is NaN or Infinity (parseFloat of a form field), a figure as text.
 */
export function badModels(): { why: string; value: unknown; path: RegExp }[] {
  const good = generateReport(3, { layout: '2021' });
  const withFigure = (figure: unknown) => ({ ...good, applications: { ...good.applications, granted: { ...good.applications.granted, total: figure } } });
  return [
    { why: 'an empty object', value: {}, path: /^not a report model: schemaVersion: / },
    { why: 'a NaN figure', value: withFigure(NaN), path: /applications\.granted\.total: .*NaN/ },
    { why: 'an Infinity figure', value: withFigure(Infinity), path: /applications\.granted\.total: / },
    { why: 'a figure as text', value: withFigure('12'), path: /applications\.granted\.total: / },
  ];
}

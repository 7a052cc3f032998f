/**
 * The report model: the single source of truth. Every type is inferred from these schemas,
 * and the JSON Schema shipped in schema/report.schema.json is generated from them.
 */
import { z } from 'zod';
import {
  ACTIVE_COLUMNS,
  ACTIVE_ITEMS,
  APPLICANT_COLUMNS,
  APPLICATION_ROW_IDS,
  LAYOUT_IDS,
  LEGACY_ROW_IDS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  SECTION_IDS,
  TABLE_IDS,
} from './ids.js';

/** A figure: a number, or null where the source is blank or says "not applicable". Blank is never 0. */
export const Cell = z.number().nullable();
export type Cell = z.infer<typeof Cell>;

/** Where something stands in the source: 1-based line and column of the normalised text. */
export const Position = z.object({ line: z.number().int().positive(), column: z.number().int().positive() });
export type Position = z.infer<typeof Position>;

/** The printed text behind a figure, kept so that every number can be traced to the source. */
export const SourceRef = Position.extend({
  text: z.string(),
  /** A unit printed with the figure (`251000元`). */
  unit: z.string().optional(),
  /** The source printed a mark meaning "not applicable" (`/`, `—`, `无`) rather than leaving it blank. */
  notApplicable: z.boolean().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Layout = z.enum(LAYOUT_IDS);
export const ScriptId = z.enum(['simplified', 'traditional']);
export const SourceFormat = z.enum(['text', 'markdown', 'html', 'docx', 'xlsx', 'json', 'pdf']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Meta = z.object({
  title: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  /** The date the report is signed or published, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  sourceFormat: SourceFormat.nullable(),
});
export type Meta = z.infer<typeof Meta>;

export const ActiveDisclosure = z.partialRecord(z.enum(ACTIVE_ITEMS), z.partialRecord(z.enum(ACTIVE_COLUMNS), Cell));
export type ActiveDisclosure = z.infer<typeof ActiveDisclosure>;

// Strict: a misspelt column (totl) in a JSON model would otherwise be dropped, and its figure with it.
export const ApplicantRow = z.strictObject(Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, Cell])) as Record<(typeof APPLICANT_COLUMNS)[number], typeof Cell>);
export type ApplicantRow = z.infer<typeof ApplicantRow>;
export const Applications = z.partialRecord(z.enum(APPLICATION_ROW_IDS), ApplicantRow);
export type Applications = z.infer<typeof Applications>;

export const ReviewGroupCells = z.strictObject(Object.fromEntries(REVIEW_FIELDS.map((f) => [f, Cell])) as Record<(typeof REVIEW_FIELDS)[number], typeof Cell>);
export const ReviewLitigation = z.partialRecord(z.enum(REVIEW_GROUPS), ReviewGroupCells);
export type ReviewLitigation = z.infer<typeof ReviewLitigation>;

export const LegacySheet = z.partialRecord(z.enum(LEGACY_ROW_IDS as [string, ...string[]]), Cell);
export type LegacySheet = z.infer<typeof LegacySheet>;

export const Layouts = z.object({
  activeDisclosure: z.partialRecord(z.enum(ACTIVE_ITEMS), Layout),
  applications: Layout.optional(),
  legacy: z.literal('legacy').optional(),
});
export type Layouts = z.infer<typeof Layouts>;

/** A table row the reader did not recognise: kept whole, never dropped. */
export const ExtraRow = z.object({
  table: z.enum(TABLE_IDS),
  label: z.string(),
  unit: z.string().nullable(),
  values: z.array(z.string()),
  position: Position,
});
export type ExtraRow = z.infer<typeof ExtraRow>;

export const Report = z.object({
  schemaVersion: z.literal(1),
  meta: Meta,
  sourceScript: ScriptId,
  layouts: Layouts,
  /** Narrative text of each section, paragraphs separated by "\n", verbatim after script conversion. */
  sections: z.partialRecord(z.enum(SECTION_IDS), z.string()),
  activeDisclosure: ActiveDisclosure,
  applications: Applications,
  reviewLitigation: ReviewLitigation,
  legacy: LegacySheet.optional(),
  /** The second figure of provincial sheets with a 历年累计 column. */
  legacyCumulative: LegacySheet.optional(),
  /** Printed text and position of each figure, keyed by model path (`applications.granted.total`). */
  sources: z.record(z.string(), SourceRef),
  extraRows: z.array(ExtraRow),
});
export type Report = z.infer<typeof Report>;

export function emptyReport(): Report {
  return {
    schemaVersion: 1,
    meta: { title: null, agency: null, year: null, date: null, sourceFormat: null },
    sourceScript: 'simplified',
    layouts: { activeDisclosure: {} },
    sections: {},
    activeDisclosure: {},
    applications: {},
    reviewLitigation: {},
    sources: {},
    extraRows: [],
  };
}

export function emptyApplicantRow(): ApplicantRow {
  return { naturalPerson: null, commercial: null, research: null, publicInterest: null, legalService: null, other: null, total: null };
}

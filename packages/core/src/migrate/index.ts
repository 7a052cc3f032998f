export { migrate, lostFigures, targetCells, MigrationRecord, MigrateOptions } from './migrate.js';
export { MigrationMapping, MappingRule, defaultLegacyMapping, default2019To2021Mapping } from './mapping.js';
import { parseMapping as parseMappingWith } from './mapping.js';
import { targetCells } from './migrate.js';

/** Validates a user's legacy mapping file (already JSON-parsed): clear errors for unknown ids or rows mapped twice. */
export const parseMapping = (json: unknown) => parseMappingWith(json, targetCells);

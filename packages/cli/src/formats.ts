export const OUTPUT_FORMATS = ['docx', 'xlsx', 'pdf', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * File endings the CLI picks up when it walks a directory (.shtml and .jhtml: pages saved from
 * government sites as they were served; .wps and .et: WPS Office's own Writer and Spreadsheets files,
 * of the .doc/.xls binary family, which many agencies keep).
 */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.shtml', '.jhtml', '.xhtml', '.mht', '.mhtml', '.json', '.docx', '.xlsx', '.doc', '.xls', '.wps', '.et', '.pdf'];

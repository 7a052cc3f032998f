export const OUTPUT_FORMATS = ['docx', 'xlsx', 'pdf', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File endings the CLI picks up when it walks a directory. */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.docx', '.xlsx', '.doc', '.xls'];

/**
 * The creator every writer records in its file: dc:creator in the Word and Excel core properties,
 * Creator in the PDF's information. By it the CLI tells an output of its own from an agency's file
 * of the same name. A module of its own, so that the CLI's main thread reads it without loading core.
 */
export const OUTPUT_CREATOR = 'report-convert';

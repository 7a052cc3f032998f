/** `%PDF-` at the start: kept apart from pdf.ts so that sniffing does not load pdf.js. */
export const isPdf = (bytes: Uint8Array) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => bytes[i] === b);

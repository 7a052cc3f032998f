/**
 * For the headers, where only ASCII is looked for: TextDecoder's latin1 (windows-1252) is as good there and
 * much cheaper than binaryString, and every text or HTML input passes through here.
 */
const asciiHead = new TextDecoder('latin1');

/**
 * The page inside a web archive (.mht/.mhtml: "Web archive, single file" in IE, Edge, 360 and
 * Chrome): a MIME message whose first text/html part is the page. Returns that part's bytes, its
 * transfer encoding undone, and the charset its header names; undefined for anything else.
 *
 * Hand-written rather than a MIME library: the well-kept ones (postal-mime, mailparser) parse
 * asynchronously, and `parse` is synchronous; a web archive needs only this much of MIME.
 */
export function mhtmlPage(bytes: Uint8Array): { html: Uint8Array; charset: string | undefined } | undefined {
  const head = asciiHead.decode(bytes.subarray(0, 4096));
  const headers = head.split(/\r?\n\r?\n/, 1)[0]!;
  if (!/^MIME-Version:/im.test(headers) || !/^Content-Type:\s*multipart\/related/im.test(headers)) return undefined;
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  if (!boundary) return undefined;
  const parts = binaryString(bytes).split(`--${boundary}`).slice(1);
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const partHeaders = part.slice(0, split.index);
    if (!/^Content-Type:\s*text\/html/im.test(partHeaders)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /^Content-Transfer-Encoding:\s*([\w-]+)/im.exec(partHeaders)?.[1]?.toLowerCase();
    const decoded =
      encoding === 'base64'
        ? fromBase64(body)
        : encoding === 'quoted-printable'
          ? body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
          : body;
    return { html: Uint8Array.from(decoded, (c) => c.charCodeAt(0)), charset: /charset="?([\w-]+)"?/i.exec(partHeaders)?.[1] };
  }
  return undefined;
}

/**
 * Base64 as far as it goes: a part cut short (a download that stopped) or with stray characters
 * decodes up to the damage, where atob would throw. The last group of a cut is padded, or
 * dropped when a single character of it is left, which holds no whole byte.
 */
function fromBase64(body: string): string {
  const digits = body.replace(/=[^]*$/, '').replace(/[^A-Za-z0-9+/]/g, '');
  const whole = digits.length % 4 === 1 ? digits.slice(0, -1) : digits;
  return atob(whole.padEnd(Math.ceil(whole.length / 4) * 4, '='));
}

/** Bytes as a string of one character per byte, so that MIME parts can be cut as text and turned back into bytes. */
function binaryString(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

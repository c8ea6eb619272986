import iconv from "iconv-lite";

// Where an XML prolog or <meta charset> would be: the first bytes of the document.
const PROLOG_BYTES = 2048;

/**
 * The charset a document declares: HTTP header first, then a byte-order mark, the
 * XML prolog, or <meta charset> / http-equiv. Undefined when nothing says.
 */
export function declaredCharset(bytes: Uint8Array, contentType: string): string | undefined {
  const fromHeader = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  // ASCII-compatible view of the head: every charset we read agrees on these bytes.
  const head = iconv.decode(Buffer.from(bytes.subarray(0, PROLOG_BYTES)), "latin1");
  const fromProlog = /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (fromProlog) return fromProlog.toLowerCase();
  const fromMeta =
    /<meta[^>]+charset=["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content=["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  return fromMeta?.toLowerCase();
}

/**
 * Bytes to text with iconv-lite. ISO-8859-1 is read as windows-1252, as browsers
 * do (sites that say latin-1 use the 0x80-0x9F quotes and the euro sign). Without a
 * declaration: UTF-8 when valid, else windows-1252.
 */
export function decodeDocument(bytes: Uint8Array, contentType: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let charset = declaredCharset(bytes, contentType);
  if (charset === "iso-8859-1" || charset === "latin1" || charset === "us-ascii") {
    charset = "windows-1252";
  }
  if (charset === undefined || !iconv.encodingExists(charset)) {
    try {
      charset = undefined;
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer).replace(/^\uFEFF/, "");
    } catch {
      charset = "windows-1252";
    }
  }
  return iconv.decode(buffer, charset).replace(/^\uFEFF/, "");
}

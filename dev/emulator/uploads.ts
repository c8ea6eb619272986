/**
 * Files a bot uploads, from a multipart/form-data request: grammY sends an InputFile
 * as a part of its own and names it in the field ("document": "attach://name"), or
 * puts the file in the field itself. Other parts are fields, as in a form.
 */

import type { Document } from "grammy/types";
import { badRequest } from "./api-error.js";
import type { Payload } from "./request-payload.js";
import type { EmulatedDocument } from "./types.js";

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Telegram's limit for files a bot uploads. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const ATTACH_PREFIX = "attach://";

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).bytes)
  );
}

/** Parts of a multipart body: strings as fields, files as UploadedFile. */
export function parseMultipart(body: Buffer, contentType: string): Payload {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2]?.trim();
  if (!marker) throw badRequest("multipart/form-data request without a boundary");
  const delimiter = Buffer.from(`--${marker}`);
  const payload: Payload = {};
  let start = body.indexOf(delimiter);
  if (start === -1) throw badRequest("can't parse multipart/form-data request body");
  while (true) {
    start += delimiter.length;
    // "--" after a delimiter ends the body.
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw badRequest("can't parse multipart/form-data request body");
    readPart(body.subarray(start, next), payload);
    start = next;
  }
  return payload;
}

const CRLF = "\r\n";
const isDefined = (value: string | undefined): value is string => value !== undefined;

// Telegram types a generic upload by its extension, as clients then show it.
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  json: "application/json",
  txt: "text/plain",
  csv: "text/csv",
  pdf: "application/pdf",
  html: "text/html",
};

function mimeTypeOf(fileName: string, declared: string | undefined): string {
  if (declared !== undefined && declared !== "application/octet-stream") return declared;
  const extension = fileName.split(".").at(-1)?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[extension] ?? "application/octet-stream";
}

/** One part: headers, a blank line, then its bytes (without the CRLF before the next delimiter). */
function readPart(part: Buffer, payload: Payload): void {
  const headerEnd = part.indexOf(`${CRLF}${CRLF}`);
  if (headerEnd === -1) throw badRequest("can't parse multipart/form-data request body");
  const headers = part.subarray(0, headerEnd).toString("utf8");
  let content = part.subarray(headerEnd + 4);
  if (content.subarray(-2).toString() === CRLF) content = content.subarray(0, -2);
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
  const name = /\bname=(?:"([^"]*)"|([^;\s]+))/i.exec(disposition)?.slice(1).find(isDefined);
  if (name === undefined) throw badRequest("a multipart/form-data part has no name");
  // grammY writes filename=name.json unquoted; browsers and curl quote it.
  const fileName = /\bfilename=(?:"([^"]*)"|([^;\s]+))/i
    .exec(disposition)
    ?.slice(1)
    .find(isDefined);
  if (fileName === undefined) {
    payload[name] = content.toString("utf8");
    return;
  }
  const declared = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim();
  payload[name] = {
    fileName,
    mimeType: mimeTypeOf(fileName, declared),
    bytes: Buffer.from(content),
  } satisfies UploadedFile;
}

/** The file a send method's field names: uploaded here, or a string (a file_id or a URL). */
export function readUpload(payload: Payload, field: string): UploadedFile | string {
  const value = payload[field];
  if (value === undefined || value === null || value === "") {
    throw badRequest(`there is no ${field} in the request`);
  }
  const file =
    typeof value === "string" && value.startsWith(ATTACH_PREFIX)
      ? payload[value.slice(ATTACH_PREFIX.length)]
      : value;
  if (typeof file === "string") return file;
  if (!isUploadedFile(file)) throw badRequest(`wrong ${field}: the attached file is missing`);
  if (file.bytes.length === 0) throw badRequest("file must be non-empty");
  if (file.bytes.length > MAX_UPLOAD_BYTES) throw badRequest("file is too big");
  return file;
}

/** A sent document as tests see it and as the Bot API answers it. */
export function describeDocument(
  upload: UploadedFile | string,
  fileId: string,
): { emulated: EmulatedDocument; telegram: Document } {
  const emulated: EmulatedDocument =
    typeof upload === "string"
      ? { file_name: "document", mime_type: "application/octet-stream", file_size: 0 }
      : {
          file_name: upload.fileName,
          mime_type: upload.mimeType,
          file_size: upload.bytes.length,
          content: upload.bytes.toString("utf8"),
        };
  const telegram: Document = {
    file_id: typeof upload === "string" ? upload : fileId,
    file_unique_id: fileId,
    file_name: emulated.file_name,
    mime_type: emulated.mime_type,
    ...(emulated.file_size > 0 ? { file_size: emulated.file_size } : {}),
  };
  return { emulated, telegram };
}

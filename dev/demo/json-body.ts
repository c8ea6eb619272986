import type { IncomingMessage } from "node:http";

/** The page's requests are a few short fields; anything bigger is a mistake or abuse. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A request the demo API refuses, with the HTTP status and a message for the page. */
export class BadRequestError extends Error {
  override name = "BadRequestError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON object body. An empty body counts as `{}` (for POSTs without fields).
 * Refuses other content types (which also keeps plain cross-site form posts out),
 * bodies over MAX_BODY_BYTES, invalid JSON and non-objects, each with its own message.
 */
export async function readJsonObject(request: IncomingMessage): Promise<Record<string, unknown>> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new BadRequestError(
      415,
      `send the body as JSON with "content-type: application/json" (got "${type || "none"}")`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new BadRequestError(400, `the body is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BadRequestError(400, "the body must be a JSON object, e.g. {}");
  }
  return value as Record<string, unknown>;
}

function tooLarge(): BadRequestError {
  return new BadRequestError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
}

/**
 * Telegram's error envelope. Every refusal the emulator makes goes through ApiError so
 * the HTTP status always equals error_code, as it does on api.telegram.org.
 */
export interface ErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export class ApiError extends Error {
  readonly status: number;
  readonly description: string;
  readonly retryAfterSeconds: number | undefined;
  /** Where a group that became a supergroup went (Telegram's parameters.migrate_to_chat_id). */
  readonly migrateToChatId: number | undefined;

  constructor(
    status: number,
    description: string,
    retryAfterSeconds?: number,
    migrateToChatId?: number,
  ) {
    super(description);
    this.name = "ApiError";
    this.status = status;
    this.description = description;
    this.retryAfterSeconds = retryAfterSeconds;
    this.migrateToChatId = migrateToChatId;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { ok: false, error_code: this.status, description: this.description };
    if (this.retryAfterSeconds !== undefined) {
      body.parameters = { retry_after: this.retryAfterSeconds };
    }
    if (this.migrateToChatId !== undefined) {
      body.parameters = { ...body.parameters, migrate_to_chat_id: this.migrateToChatId };
    }
    return body;
  }
}

export function badRequest(reason: string): ApiError {
  return new ApiError(400, `Bad Request: ${reason}`);
}

export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    `Too Many Requests: retry after ${retryAfterSeconds}`,
    retryAfterSeconds,
  );
}

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The answer an injected fault gives when the test did not word it. */
export function injectedError(
  status: number,
  description?: string,
  retryAfterSeconds?: number,
): ApiError {
  if (status === 429) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 1));
    return new ApiError(429, description ?? `Too Many Requests: retry after ${seconds}`, seconds);
  }
  return new ApiError(
    status,
    description ?? DEFAULT_DESCRIPTIONS[status] ?? `Error ${status}`,
    retryAfterSeconds,
  );
}

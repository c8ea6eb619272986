import type { ApiError } from "./api-types.js";

function errorText(data: unknown): string | undefined {
  const error = (data as Partial<ApiError> | null)?.error;
  return typeof error === "string" && error !== "" ? error : undefined;
}

/**
 * One call to the demo server's JSON API. A refusal rejects with the server's own
 * sentence, so the page can show the visitor why.
 */
export async function callApi<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: {} };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(errorText(data) ?? `The demo server answered ${response.status}`);
  }
  return data as T;
}

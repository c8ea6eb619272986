import type { Brief } from "../articles/schema.js";
import type { Locale } from "../locales.js";

/** One LibreTranslate call; a brief needs two (title, summary). */
export const TRANSLATE_TIMEOUT_MS = 30_000;

export interface Translator {
  translateBrief(brief: Brief, from: Locale, to: Locale): Promise<Brief>;
}

/** The /translate endpoint of a LibreTranslate-compatible server, given its base or full URL. */
export function translateEndpoint(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (!/\/translate\/?$/.test(url.pathname)) {
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/translate`;
  }
  return url.toString();
}

/**
 * Fills the missing language through a LibreTranslate-compatible server
 * (POST /translate {q, source, target, format} → {translatedText}).
 */
export function createLibreTranslator(baseUrl: string, fetchImpl: typeof fetch): Translator {
  const endpoint = translateEndpoint(baseUrl);

  async function translate(text: string, from: Locale, to: Locale): Promise<string> {
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ q: text, source: from, target: to, format: "text" }),
        signal: AbortSignal.timeout(TRANSLATE_TIMEOUT_MS),
      });
    } catch (error) {
      const failure = error as Error & { cause?: { code?: string } };
      throw new Error(
        failure.name === "TimeoutError"
          ? `no answer from the translation server within ${TRANSLATE_TIMEOUT_MS / 1000} s`
          : `translation server unreachable (${failure.cause?.code ?? failure.message})`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as
      | { translatedText?: unknown; error?: unknown }
      | undefined;
    if (!response.ok) {
      const detail = typeof body?.error === "string" ? `: ${body.error}` : "";
      throw new Error(`translation server answered HTTP ${response.status}${detail}`);
    }
    if (typeof body?.translatedText !== "string" || body.translatedText.trim() === "") {
      throw new Error("translation server answered without translatedText");
    }
    return body.translatedText.trim();
  }

  return {
    async translateBrief(brief, from, to) {
      return {
        title: await translate(brief.title, from, to),
        summary: await translate(brief.summary, from, to),
      };
    },
  };
}

import type { RequestHandler } from "./http-server.js";

export const HEALTH_PATH = "/healthz";

export interface HealthReport {
  /** False while the bot cannot take updates (polling stopped, or stopping). */
  ok: boolean;
  articles: number;
  readers: number;
}

/**
 * `GET /healthz`: 200 with a small JSON report while the bot takes updates, 503
 * otherwise, so Docker's HEALTHCHECK and load balancers see a stalled bot.
 */
export function createHealthHandler(report: () => HealthReport): RequestHandler {
  return (request, response) => {
    if (request.method !== "GET" || request.url !== HEALTH_PATH) return false;
    const body = report();
    response.writeHead(body.ok ? 200 : 503, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
    return true;
  };
}

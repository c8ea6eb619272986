import { envValue } from "./env-readers.js";
import { HEALTH_PATH } from "./server/health.js";

// The Docker image's HEALTHCHECK: exit 0 when the running bot answers /healthz with
// 200 within the timeout, 1 otherwise. Plain node, so the image needs no curl.
const TIMEOUT_MS = 4_000;
const port = envValue(process.env, "HEALTH_PORT") ?? envValue(process.env, "PORT") ?? "8080";

fetch(`http://127.0.0.1:${port}${HEALTH_PATH}`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);

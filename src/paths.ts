import { fileURLToPath } from "node:url";

/**
 * The locales folder, found from this module's own location so it works from
 * src/ (tests, tsx) and dist/ (npm start, Docker) alike, whatever the cwd.
 */
export const LOCALES_DIR = fileURLToPath(new URL("../locales", import.meta.url));

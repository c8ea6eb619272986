import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The page's browser code and styles, kept as real files so typecheck and lint see them. */
export const PAGE_SCRIPT_ENTRY = fileURLToPath(new URL("./page/chat.ts", import.meta.url));
export const PAGE_STYLE_PATH = fileURLToPath(new URL("./page/chat.css", import.meta.url));

/** What page.ts inlines: one script and one stylesheet, with no external reference. */
export interface PageAssets {
  script: string;
  style: string;
}

/**
 * Bundles the page's script into one classic script (no modules to fetch: the CSP lets
 * only the inline, nonce'd one run) and reads the stylesheet. Run once per demo start.
 */
export async function loadPageAssets(): Promise<PageAssets> {
  const [bundle, style] = await Promise.all([
    build({
      entryPoints: [PAGE_SCRIPT_ENTRY],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      logLevel: "silent",
    }),
    readFile(PAGE_STYLE_PATH, "utf8"),
  ]);
  const script = bundle.outputFiles[0]?.text;
  if (script === undefined) throw new Error(`esbuild gave no output for ${PAGE_SCRIPT_ENTRY}`);
  return { script, style };
}

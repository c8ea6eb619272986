import type { Context } from "grammy";
import { describe, expect, it } from "vitest";
import { text } from "../../src/briefs/html.js";
import { createI18n } from "../../src/i18n.js";
import { LOCALES_DIR } from "../../src/paths.js";
import { createReader } from "../../src/readers/reader.js";
import { watchReasons, withWatchReason } from "../../src/watchlist/reader-terms.js";

const i18n = createI18n<Context>(LOCALES_DIR, () => undefined);
const ADDED = "2026-11-01T00:00:00.000Z";
const blackwell = {
  source: "Nvidia",
  briefs: {
    fr: { title: "Nvidia dévoile les GPU Blackwell", summary: "Présentés à la GTC 2024." },
  },
};

describe("watch reasons", () => {
  const reader = {
    ...createReader(1, "fr", new Date(ADDED), 0),
    watch: { $nvda: ADDED, "digital euro": ADDED },
  };

  it("should name the watched terms an item mentions, if watched before it was seen", () => {
    expect(watchReasons(reader, blackwell, "2026-11-02T00:00:00.000Z")).toEqual(["$nvda"]);
    expect(watchReasons(reader, blackwell, "2026-10-31T00:00:00.000Z")).toEqual([]);
  });

  it("should put the reason line above the brief, escaped, and leave other briefs alone", () => {
    const brief = text("Nvidia <dévoile>");
    expect(withWatchReason(brief, ["$nvda", "digital euro"], reader, i18n).html).toBe(
      "👁 $NVDA, &quot;digital euro&quot;\nNvidia &lt;dévoile&gt;",
    );
    expect(withWatchReason(brief, [], reader, i18n)).toBe(brief);
  });
});

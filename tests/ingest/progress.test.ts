import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, PROGRESS_MIN_SOURCES } from "../../src/ingest/progress.js";

function fakeStream(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 });
  let written = "";
  stream.on("data", (chunk) => {
    written += chunk;
  });
  return { stream, written: () => written };
}

describe("createProgress", () => {
  it("should draw a bar on a terminal for a long run", () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(PROGRESS_MIN_SOURCES + 2, stream);
    progress.tick("feeds/en.xml");
    progress.stop();
    expect(written()).toContain("Ingesting [");
    expect(written()).toContain("sources");
  });

  it("should stay silent when the output is not a terminal, or for a few sources", () => {
    const piped = fakeStream(false);
    const long = createProgress(PROGRESS_MIN_SOURCES + 2, piped.stream);
    long.tick("feeds/en.xml");
    long.stop();
    expect(piped.written()).toBe("");
    const terminal = fakeStream(true);
    const short = createProgress(1, terminal.stream);
    short.tick("a.txt");
    short.stop();
    expect(terminal.written()).toBe("");
  });
});

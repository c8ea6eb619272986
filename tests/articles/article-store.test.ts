import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFileArticleStore, type FileArticleStore } from "../../src/articles/article-store.js";
import { type Article, MAX_SUMMARY_LENGTH } from "../../src/articles/schema.js";
import { createLogger } from "../../src/logger.js";

function article(id: string, publishedAt: string, title = `Title ${id}`): Article {
  return {
    id,
    url: `https://news.example/${id}`,
    source: "Example",
    publishedAt,
    topics: ["fintech"],
    briefs: { en: { title, summary: "One sentence. Two sentences." } },
  };
}

describe("file article store", () => {
  let dir: string;
  let path: string;
  let store: FileArticleStore | undefined;
  const logs: string[] = [];
  const logger = createLogger({ level: "info", secrets: [], write: (line) => logs.push(line) });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "articles-"));
    path = join(dir, "articles.json");
    logs.length = 0;
  });
  afterEach(async () => {
    store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const save = (value: unknown) => writeFile(path, JSON.stringify(value));

  it("should accept a file saved with a UTF-8 byte order mark (Windows editors)", async () => {
    await writeFile(
      path,
      `\uFEFF${JSON.stringify({ articles: [article("bom-saved", "2026-11-20T08:00:00Z")] })}`,
    );
    store = await createFileArticleStore({ path, logger, watch: false });
    expect(store.list().map((item) => item.id)).toEqual(["bom-saved"]);
  });

  it("should keep an item whose summary is too long, cut at a sentence, and log the cut", async () => {
    const sentence = "Cloud revenue grew again in the quarter, the company said on Tuesday. ";
    const long = { ...article("long", "2026-11-20T08:00:00Z") };
    long.briefs = { en: { title: "A long brief", summary: sentence.repeat(70).trim() } };
    await save({ articles: [long] });
    store = await createFileArticleStore({ path, logger, watch: false });

    const summary = store.list()[0]?.briefs.en?.summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_LENGTH);
    expect(summary.length).toBeGreaterThan(MAX_SUMMARY_LENGTH - sentence.length - 2);
    expect(summary.endsWith("on Tuesday.…")).toBe(true);
    expect(logs.join("")).toMatch(
      new RegExp(
        `briefs\\.en\\.summary has ${sentence.repeat(70).trim().length} characters, over 3000; cut at a sentence`,
      ),
    );
  });

  it("should list articles newest first", async () => {
    await save({
      articles: [article("old", "2020-01-01T00:00:00Z"), article("new", "2024-01-01T00:00:00Z")],
    });
    store = await createFileArticleStore({ path, logger, watch: false });
    expect(store.list().map((item) => item.id)).toEqual(["new", "old"]);
  });

  it("should keep serving the last good version when the file breaks", async () => {
    await save({ articles: [article("a", "2020-01-01T00:00:00Z")] });
    store = await createFileArticleStore({
      path,
      label: "data/articles.json",
      logger,
      watch: false,
    });
    await writeFile(path, '{"articles": [ {"id": "a", ');
    const problems = await store.reload();
    expect(problems).toEqual([expect.stringMatching(/^data\/articles\.json: not valid JSON/)]);
    expect(store.list().map((item) => item.id)).toEqual(["a"]);
    expect(logs.join("")).toContain("serving the last good version");
  });

  it("should keep an item's good version when an edit breaks it, and take the others", async () => {
    await save({ articles: [article("a", "2020-01-01T00:00:00Z", "Good title")] });
    store = await createFileArticleStore({ path, logger, watch: false });
    const broken = {
      ...article("a", "2020-01-01T00:00:00Z"),
      briefs: { en: { title: "", summary: "x" } },
    };
    await save({ articles: [broken, article("b", "2021-01-01T00:00:00Z")] });
    const problems = await store.reload();
    expect(problems).toEqual([expect.stringContaining('item 1 (id "a"): briefs.en.title')]);
    expect(store.get("a")?.briefs.en?.title).toBe("Good title");
    expect(store.get("b")).toBeDefined();
  });

  it("should pick up an editor's atomic save while running, and never write the file", async () => {
    await save({ articles: [article("a", "2020-01-01T00:00:00Z")] });
    const before = await readFile(path, "utf8");
    store = await createFileArticleStore({ path, logger });
    const changed = new Promise<readonly Article[]>((resolve) => store?.onChange(resolve));
    const temp = join(dir, ".articles.json.tmp");
    await writeFile(
      temp,
      JSON.stringify({
        articles: [article("a", "2020-01-01T00:00:00Z"), article("b", "2025-01-01T00:00:00Z")],
      }),
    );
    await rename(temp, path);
    expect((await changed).map((item) => item.id)).toEqual(["b", "a"]);
    expect(before).not.toBe(await readFile(path, "utf8"));
    await store.reload();
    expect(store.list()).toHaveLength(2);
  });

  it("should start empty, and say so, when the file is missing", async () => {
    store = await createFileArticleStore({ path, logger, watch: false });
    expect(store.list()).toEqual([]);
    expect(logs.join("")).toContain("file not found");
  });
});

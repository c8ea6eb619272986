import type { Clock } from "../clock.js";
import { dataLayoutOf } from "../data-layout.js";
import { readNewsroomState } from "./newsroom-state.js";
import type { PoliteFetcher } from "./polite-fetcher.js";
import { type SourceHealth, sourceHealth } from "./source-health.js";
import type {
  AddOptions,
  AddResult,
  importOpml,
  RemoveResult,
  SourcesEditorDeps,
} from "./sources-editor.js";
import { readSourcesFile, SourcesFileError } from "./sources-file.js";

export type SourcesListing =
  | { ok: true; health: SourceHealth[]; problems: string[] }
  | { ok: false; error: string };

/** What `npm run sources` and the admin commands do with sources.json, in one place. */
export interface SourcesDesk {
  label: string;
  list(): Promise<SourcesListing>;
  add(url: string, options?: AddOptions): Promise<AddResult>;
  remove(url: string): Promise<RemoveResult>;
  importOpml(text: string): ReturnType<typeof importOpml>;
}

export interface SourcesDeskOptions {
  dataDir: string;
  fetcher: PoliteFetcher;
  clock: Clock;
  /** How messages name sources.json; its path by default. */
  label?: string;
}

export function createSourcesDesk(options: SourcesDeskOptions): SourcesDesk {
  const path = dataLayoutOf(options.dataDir).sources;
  const editor: SourcesEditorDeps = {
    path,
    label: options.label ?? path,
    fetcher: options.fetcher,
  };
  return {
    label: editor.label,
    async list() {
      let snapshot: Awaited<ReturnType<typeof readSourcesFile>>;
      try {
        snapshot = await readSourcesFile(path, editor.label);
      } catch (error) {
        if (!(error instanceof SourcesFileError)) throw error;
        return { ok: false, error: error.message };
      }
      const { state } = await readNewsroomState(dataLayoutOf(options.dataDir).newsroomState);
      const now = options.clock.now();
      return {
        ok: true,
        health: snapshot.validation.sources.map((source) => sourceHealth(source, state, now)),
        problems: snapshot.validation.problems,
      };
    },
    add: async (url, addOptions = {}) => (await loadEditor()).addSource(url, addOptions, editor),
    remove: async (url) => (await loadEditor()).removeSource(url, editor),
    importOpml: async (text) => (await loadEditor()).importOpml(text, editor),
  };
}

/**
 * The editor (feed discovery, OPML, page parsing: tens of MB of parsers) loads at an
 * admin's first /addsource, not with every bot.
 */
function loadEditor(): Promise<typeof import("./sources-editor.js")> {
  return import("./sources-editor.js");
}

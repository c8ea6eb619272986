import { Presets, SingleBar } from "cli-progress";

/** Below this many sources a run is over before a bar would help. */
export const PROGRESS_MIN_SOURCES = 4;

export interface Progress {
  tick(origin: string): void;
  stop(): void;
}

const silent: Progress = { tick: () => undefined, stop: () => undefined };

/**
 * A progress bar over sources, only on a terminal: piped or redirected output (CI,
 * logs, `> report.txt`) gets the closing table alone.
 */
export function createProgress(
  total: number,
  stream: NodeJS.WritableStream & { isTTY?: boolean },
): Progress {
  if (!stream.isTTY || total < PROGRESS_MIN_SOURCES) return silent;
  const bar = new SingleBar(
    {
      stream,
      format: "Ingesting [{bar}] {value}/{total} sources  {source}",
      clearOnComplete: true,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { source: "" });
  return {
    tick(origin) {
      bar.increment(1, { source: origin.length > 50 ? `…${origin.slice(-49)}` : origin });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * Benchmark child process for bench/newsroom.ts: Briefbot as npm start runs it,
 * compiled (so the newsroom's worker threads are real), with newsroom passes on
 * demand. `inline: true` keeps parsing in the bot's thread, for the comparison.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as AppModule from "../src/app.js";
import type * as ClockModule from "../src/clock.js";
import type * as ConfigModule from "../src/config.js";
import type * as LoggerModule from "../src/logger.js";
import type * as ReaderModule from "../src/newsroom/document-reader.js";
import type { PassReport } from "../src/newsroom/newsroom-pass.js";
import { LOCALES_DIR } from "../src/paths.js";
import { serveParent } from "./child.js";
import { BENCH_BOT_INFO, BENCH_TOKEN } from "./fixtures.js";

export interface NewsroomBotStart {
  apiRoot: string;
  dataDir: string;
  /** Where bench/newsroom.ts compiled src/ (tsc -p tsconfig.build.json --outDir). */
  outDir: string;
  inline: boolean;
}

export interface PassMeasurement {
  report: PassReport;
  durationMs: number;
  /** CPU (user + system) of the whole bot process, worker threads included. */
  cpuMs: number;
}

export type NewsroomBotApi = {
  start(params: NewsroomBotStart): Promise<void>;
  runPass(params: Record<string, never>): Promise<PassMeasurement>;
};

const load = <T>(outDir: string, path: string): Promise<T> =>
  import(pathToFileURL(join(outDir, path)).href) as Promise<T>;

let app: Awaited<ReturnType<typeof AppModule.createApp>> | undefined;

serveParent(
  {
    async start(params: NewsroomBotStart) {
      const { createApp } = await load<typeof AppModule>(params.outDir, "app.js");
      const { createConfig } = await load<typeof ConfigModule>(params.outDir, "config.js");
      const { createLogger } = await load<typeof LoggerModule>(params.outDir, "logger.js");
      const { systemClock } = await load<typeof ClockModule>(params.outDir, "clock.js");
      const { createInlineDocumentReader } = await load<typeof ReaderModule>(
        params.outDir,
        "newsroom/document-reader.js",
      );
      const config = createConfig({
        BOT_TOKEN: BENCH_TOKEN,
        TELEGRAM_API_ROOT: params.apiRoot,
        DATA_DIR: params.dataDir,
        LOG_LEVEL: "error",
        INGEST_CRON: "off",
        PUSH_CRON: "0 0 1 1 *",
      });
      app = await createApp(config, {
        logger: createLogger({ level: "error", secrets: [BENCH_TOKEN] }),
        clock: systemClock,
        localesDir: LOCALES_DIR,
        botInfo: BENCH_BOT_INFO,
        ...(params.inline ? { documentReader: createInlineDocumentReader() } : {}),
      });
      await app.start();
    },
    async runPass() {
      if (!app) throw new Error("bot not started");
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await app.newsroom.runPass();
      const used = process.cpuUsage(cpu);
      return {
        report,
        durationMs: performance.now() - started,
        cpuMs: (used.user + used.system) / 1000,
      };
    },
  },
  async () => {
    await app?.stop();
  },
);

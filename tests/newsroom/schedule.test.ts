import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { feedIntervalMinutes } from "../../src/newsroom/feed-interval.js";
import { createNewsroomScheduler } from "../../src/newsroom/newsroom-scheduler.js";
import { backoffMs } from "../../src/newsroom/source-schedule.js";

const TOKEN = "1234567:AAH-test-token-for-local-emulators-x";
const MINUTE = 60_000;

describe("INGEST_CRON", () => {
  it("should default to every 15 minutes, accept seconds, and turn off with off", () => {
    expect(createConfig({ BOT_TOKEN: TOKEN }).ingest.cron).toBe("*/15 * * * *");
    expect(createConfig({ BOT_TOKEN: TOKEN, INGEST_CRON: "*/30 * * * * *" }).ingest.cron).toBe(
      "*/30 * * * * *",
    );
    expect(createConfig({ BOT_TOKEN: TOKEN, INGEST_CRON: "off" }).ingest.cron).toBeUndefined();
  });

  it("should refuse a bad expression with what to write instead", () => {
    let error: unknown;
    try {
      createConfig({ BOT_TOKEN: TOKEN, INGEST_CRON: "every quarter hour" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'INGEST_CRON "every quarter hour" is not a valid cron expression; e.g. "*/15 * * * *" (every 15 minutes), "*/30 * * * * *" (every 30 s), or "off" for no newsroom passes.',
    ]);
  });
});

describe("how often a source is read", () => {
  it("should take a feed's <ttl>, else sy:updatePeriod / sy:updateFrequency, clamped to 5 min .. 24 h", () => {
    expect(feedIntervalMinutes("<rss><channel><ttl>60</ttl></channel></rss>")).toBe(60);
    expect(feedIntervalMinutes("<rss><channel><ttl>1</ttl></channel></rss>")).toBe(5);
    expect(feedIntervalMinutes("<rss><channel><ttl>10080</ttl></channel></rss>")).toBe(1440);
    expect(
      feedIntervalMinutes(
        "<rdf:RDF><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel></rdf:RDF>",
      ),
    ).toBe(30);
    expect(feedIntervalMinutes("<sy:updatePeriod>weekly</sy:updatePeriod>")).toBe(1440);
    expect(
      feedIntervalMinutes("<rss><channel><title>No hint</title></channel></rss>"),
    ).toBeUndefined();
  });

  it("should back off a failing source exponentially, up to 6 h, and honour a longer Retry-After", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((failures) => backoffMs(failures) / MINUTE)).toEqual([
      15, 30, 60, 120, 240, 360, 360,
    ]);
    expect(backoffMs(1, 90 * MINUTE) / MINUTE).toBe(90);
  });
});

describe("the newsroom schedule (src/schedule/cron-task.ts, shared with pushes)", () => {
  it("should log a pass that throws and run the next tick anyway, and tick no more once stopped", {
    timeout: 20_000,
  }, async () => {
    const logs: string[] = [];
    let ticks = 0;
    const schedule = createNewsroomScheduler({
      cron: "* * * * * *",
      timeZone: "Europe/Paris",
      logger: createLogger({ level: "info", secrets: [], write: (line) => logs.push(line) }),
      onTick: async () => {
        ticks += 1;
        if (ticks === 1) throw new Error("sources.json vanished");
      },
    });
    schedule.start();
    try {
      await expect.poll(() => ticks, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    } finally {
      await schedule.stop();
    }
    const entries = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        component: "newsroom-scheduler",
        msg: "newsroom run failed; the next tick tries again",
      }),
    );
    const stoppedAt = ticks;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ticks).toBe(stoppedAt);
  });
});

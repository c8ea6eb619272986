import { describe, expect, it } from "vitest";
import {
  checkDelivery,
  settleDigestDay,
  withDelivery,
} from "../../src/readers/delivery-settings.js";
import { createReader, DEFAULT_DELIVERY } from "../../src/readers/reader.js";

describe("digest day", () => {
  it("should count today as served when the digest hour is set after it has passed", () => {
    const delivery = { ...DEFAULT_DELIVERY, mode: "digest" as const, digestHour: 8 };
    expect(settleDigestDay(delivery, undefined, new Date("2026-11-28T09:00:00Z"))).toBe(
      "2026-11-28",
    );
    expect(settleDigestDay(delivery, undefined, new Date("2026-11-28T07:00:00Z"))).toBeUndefined();
    expect(settleDigestDay({ ...delivery, mode: "instant" }, "x", new Date())).toBe("x");
  });

  it("should re-settle only when the mode, hour or zone changes", () => {
    const at = new Date("2026-11-28T23:30:00Z");
    const reader = createReader(1, "en", at, 0);
    const digest = withDelivery(reader, { ...reader.delivery, mode: "digest" }, at);
    expect(digest.lastDigestOn).toBe("2026-11-28");

    // Tokyo is already on the 29th at 23:30 UTC (08:30 there, past 08:00).
    const tokyo = withDelivery(digest, { ...digest.delivery, timeZone: "Asia/Tokyo" }, at);
    expect(tokyo.lastDigestOn).toBe("2026-11-29");

    const stale = { ...digest, lastDigestOn: "2026-11-01" };
    const previews = withDelivery(stale, { ...stale.delivery, linkPreviews: true }, at);
    expect(previews.lastDigestOn).toBe("2026-11-01");
    expect(previews.delivery.linkPreviews).toBe(true);
  });
});

describe("checkDelivery", () => {
  it("should keep valid settings as they are", () => {
    const stored = {
      mode: "digest",
      digestHour: 18,
      timeZone: "America/Toronto",
      quietHours: { start: 1320, end: 420 },
      linkPreviews: true,
    };
    expect(checkDelivery(stored)).toEqual({ delivery: stored, problems: [] });
  });

  it("should replace each bad field by its default and name it", () => {
    const { delivery, problems } = checkDelivery({
      mode: "digest",
      digestHour: 25,
      timeZone: "Mars/Olympus",
      quietHours: { start: 600, end: 600 },
      linkPreviews: "yes",
    });
    expect(delivery).toEqual({ ...DEFAULT_DELIVERY, mode: "digest" });
    expect(problems.map((problem) => problem.field)).toEqual([
      "digestHour",
      "timeZone",
      "quietHours",
      "linkPreviews",
    ]);
    expect(problems[1]?.problem).toBe(
      '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Paris); using "UTC"',
    );
  });

  it("should fill in missing settings with the defaults", () => {
    const { delivery, problems } = checkDelivery(undefined);
    expect(delivery).toEqual(DEFAULT_DELIVERY);
    expect(problems).toHaveLength(5);
    expect(problems[0]?.problem).toBe('is missing; using "instant"');
  });
});

import { describe, expect, it } from "vitest";
import {
  formatMinuteOfDay,
  isDigestDue,
  isInWindow,
  isQuietAt,
  localTimeIn,
  parseMinuteOfDay,
} from "../../src/readers/local-time.js";
import { DEFAULT_DELIVERY } from "../../src/readers/reader.js";

describe("local time rules", () => {
  it("should read the wall clock and date of a zone", () => {
    expect(localTimeIn(new Date("2026-11-28T23:30:00Z"), "Asia/Tokyo")).toEqual({
      date: "2026-11-29",
      hour: 8,
      minute: 30,
      minuteOfDay: 510,
    });
    expect(localTimeIn(new Date("2026-07-01T00:15:00Z"), "America/New_York").date).toBe(
      "2026-06-30",
    );
  });

  it("should treat windows that wrap midnight as night windows", () => {
    const night = { start: 22 * 60, end: 7 * 60 };
    expect(isInWindow(23 * 60, night)).toBe(true);
    expect(isInWindow(3 * 60, night)).toBe(true);
    expect(isInWindow(7 * 60, night)).toBe(false);
    expect(isInWindow(12 * 60, night)).toBe(false);
    const lunch = { start: 12 * 60, end: 13 * 60 };
    expect(isInWindow(12 * 60 + 30, lunch)).toBe(true);
    expect(isInWindow(23 * 60, lunch)).toBe(false);
  });

  it("should apply quiet hours in the reader's zone", () => {
    const delivery = {
      ...DEFAULT_DELIVERY,
      timeZone: "Europe/Paris",
      quietHours: { start: 22 * 60, end: 7 * 60 },
    };
    expect(isQuietAt(delivery, new Date("2026-11-28T21:30:00Z"))).toBe(true); // 22:30 Paris
    expect(isQuietAt(delivery, new Date("2026-11-28T20:30:00Z"))).toBe(false); // 21:30 Paris
    expect(isQuietAt({ ...delivery, quietHours: null }, new Date("2026-11-28T21:30:00Z"))).toBe(
      false,
    );
  });

  it("should make a digest due from its local hour until it is sent that local day", () => {
    const delivery = {
      ...DEFAULT_DELIVERY,
      mode: "digest" as const,
      digestHour: 8,
      timeZone: "Asia/Tokyo",
    };
    expect(isDigestDue(delivery, undefined, new Date("2026-11-28T22:59:00Z")).due).toBe(false);
    expect(isDigestDue(delivery, undefined, new Date("2026-11-28T23:00:00Z"))).toEqual({
      due: true,
      localDate: "2026-11-29",
    });
    expect(isDigestDue(delivery, "2026-11-29", new Date("2026-11-29T05:00:00Z")).due).toBe(false);
  });

  it("should read and write times of day", () => {
    expect(parseMinuteOfDay("22:30")).toBe(1350);
    expect(parseMinuteOfDay("7")).toBe(420);
    expect(parseMinuteOfDay("7h15")).toBe(435);
    expect(parseMinuteOfDay("23h")).toBe(1380);
    expect(parseMinuteOfDay("24:00")).toBeUndefined();
    expect(parseMinuteOfDay("noon")).toBeUndefined();
    expect(formatMinuteOfDay(435)).toBe("07:15");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedMessage } from "../../dev/emulator/types.js";
import { buttonLabels, type ChatHarness, startChat } from "../helpers/chat.js";
import { createPushHarness, makeArticle } from "../push/push-harness.js";

describe("/settings", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  const stored = (id: number) => chat.bot.app.deps.readers.get(id);
  const buttonData = (message: EmulatedMessage, label: string) => {
    const button = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label);
    return button && "callback_data" in button ? button.callback_data : undefined;
  };

  it("should show the delivery settings with buttons, instant by default", async () => {
    const user = chat.reader("en", 7001);
    const panel = await user.say("/settings");
    expect(panel.text).toContain("Delivery settings");
    expect(panel.text).toContain("Delivery: instant, as soon as a brief is published.");
    expect(panel.text).toContain("Time zone: UTC (your time now: 09:00)");
    expect(panel.text).toContain("Quiet hours: off.");
    expect(panel.text).toContain("Link previews: off.");
    expect(buttonLabels(panel)).toEqual([
      "✅ ⚡ Instant",
      "📰 Daily digest",
      "🌙 Quiet hours",
      "🌍 Time zone",
      "🔗 Link previews: off",
    ]);
  });

  it("should switch to a daily digest at a picked hour, editing the panel in place", async () => {
    const user = chat.reader("en", 7002);
    const panel = await user.say("/settings");
    const digest = await user.tap(panel, "📰 Daily digest");
    expect(digest.message_id).toBe(panel.message_id);
    expect(digest.text).toContain("Delivery: one daily digest at 08:00.");
    expect(buttonLabels(digest)).toContain("🕗 Digest at 08:00");
    // 09:00 UTC is past 08:00: today's digest counts as served, the first comes tomorrow.
    expect(stored(7002)).toMatchObject({
      delivery: { mode: "digest" },
      lastDigestOn: "2026-11-28",
    });

    const hours = await user.tap(digest, "🕗 Digest at 08:00");
    expect(hours.text).toContain("At what time should the daily digest come?");
    expect(buttonLabels(hours)).toContain("✅ 08:00");
    const picked = await user.tap(hours, "18:00");
    expect(picked.text).toContain("Delivery: one daily digest at 18:00.");
    expect(stored(7002)?.delivery.digestHour).toBe(18);
    expect(user.user.lastBotMessage()?.message_id).toBe(panel.message_id);
  });

  it("should set quiet hours, the time zone and link previews from buttons", async () => {
    const user = chat.reader("en", 7003);
    const panel = await user.say("/settings");
    const quiet = await user.tap(panel, "🌙 Quiet hours");
    expect(buttonLabels(quiet)).toContain("✅ Off");
    const night = await user.tap(quiet, "22:00–07:00");
    expect(night.text).toContain("Quiet hours: 22:00–07:00.");

    const zones = await user.tap(night, "🌍 Time zone");
    expect(buttonData(zones, "Paris · 10:00")).toBe("set:tz:Europe/Paris");
    const paris = await user.tap(zones, "Paris · 10:00");
    expect(paris.text).toContain("Time zone: Europe/Paris (your time now: 10:00)");

    const previews = await user.tap(paris, "🔗 Link previews: off");
    expect(previews.text).toContain("Link previews: on.");
    expect(stored(7003)?.delivery).toEqual({
      mode: "instant",
      digestHour: 8,
      timeZone: "Europe/Paris",
      quietHours: { start: 1320, end: 420 },
      linkPreviews: true,
    });
  });

  it("should speak French to a French reader", async () => {
    const user = chat.reader("fr", 7004);
    const panel = await user.say("/settings");
    expect(panel.text).toContain("Réglages de réception");
    expect(panel.text).toContain("Réception : immédiate, dès qu'un brief est publié.");
    expect(panel.text).toContain("Heures calmes : désactivées.");
    expect(buttonLabels(panel)).toContain("📰 Résumé du jour");
    const saved = await user.tap(panel, "📰 Résumé du jour");
    expect(saved.text).toContain("Réception : un résumé par jour à 08:00.");
  });

  it("should take any time zone and exact quiet hours in words, and refuse bad ones", async () => {
    const user = chat.reader("en", 7005);
    expect((await user.say("/settings tz america/toronto")).text).toBe(
      "Time zone set to America/Toronto. Your time now: 04:00.",
    );
    expect((await user.say("/settings tz Mars/Olympus")).text).toBe(
      "“Mars/Olympus” is not a time zone I know. Use a name like Europe/Paris, America/New_York or UTC. Nothing changed.",
    );
    expect((await user.say("/settings quiet 22:30-06:45")).text).toBe(
      "Quiet hours set to 22:30–06:45: instant pushes wait until 06:45.",
    );
    expect((await user.say("/settings quiet 25-7")).text).toContain(
      "I could not read “25-7” as quiet hours.",
    );
    expect((await user.say("/settings quiet 7-7")).text).toContain("start and end must differ");
    expect(stored(7005)?.delivery).toMatchObject({
      timeZone: "America/Toronto",
      quietHours: { start: 1350, end: 405 },
    });
    expect((await user.say("/settings digest 9h")).text).toBe(
      "Daily digest at 09:00 (America/Toronto): one message a day with the new briefs on your topics.",
    );
    expect((await user.say("/settings digest 9:30")).text).toContain("is not an hour");
    expect((await user.say("/settings previews maybe")).text).toContain("Say “on” or “off”");
    expect((await user.say("/settings quiet off")).text).toBe(
      "Quiet hours off: pushes come at any time.",
    );
    expect((await user.say("/settings instant")).text).toBe(
      "Instant delivery: briefs come as soon as they are published.",
    );
    expect((await user.say("/settings louder")).text).toContain("I did not get “louder”.");
    expect(stored(7005)?.delivery).toEqual({
      mode: "instant",
      digestHour: 9,
      timeZone: "America/Toronto",
      quietHours: null,
      linkPreviews: false,
    });
  });

  it("should accept French words too", async () => {
    const user = chat.reader("fr", 7006);
    expect((await user.say("/settings fuseau Europe/Paris")).text).toBe(
      "Fuseau horaire réglé sur Europe/Paris. Chez vous, il est 10:00.",
    );
    expect((await user.say("/settings calme 23h-7h")).text).toBe(
      "Heures calmes réglées sur 23:00–07:00 : les envois immédiats attendent jusqu'à 07:00.",
    );
    expect((await user.say("/settings aperçus oui")).text).toBe("Aperçus des liens activés.");
  });

  it("should echo a long unreadable zone cut between flags, never inside one", async () => {
    const user = chat.reader("en", 7010);
    // 39 ASCII characters then flags: a 40-unit slice would end on half a flag.
    const answer = await user.say(`/settings tz ${"x".repeat(39)}${"🇫🇷".repeat(5)}`);
    expect(answer.text).toBe(
      `“${"x".repeat(39)}🇫🇷…” is not a time zone I know. Use a name like Europe/Paris, America/New_York or UTC. Nothing changed.`,
    );
    expect(stored(7010)).toBeUndefined();
  });

  it("should refuse forged buttons and change nothing", async () => {
    const user = chat.reader("en", 7007);
    const panel = await user.say("/settings");
    await user.tap(panel, "📰 Daily digest");
    const answers = () => chat.emu.callsOf("answerCallbackQuery");
    const before = answers().length;
    for (const data of ["set:tz:Mars/Base", "set:hour:24", "set:quiet:1-2", "set:mode:loud"]) {
      const expected = answers().length + 1;
      await user.user.sendCallback(panel, data);
      await expect.poll(() => answers().length).toBe(expected);
    }
    const toasts = answers()
      .slice(before)
      .map((call) => call.payload.text);
    expect(toasts).toEqual(Array(4).fill("This button has expired. Send the command again."));
    expect(stored(7007)?.delivery).toMatchObject({
      mode: "digest",
      digestHour: 8,
      timeZone: "UTC",
    });
  });

  it("should answer at once while a long broadcast is going on", async () => {
    const push = await createPushHarness({
      emulator: chat.emu,
      limits: { botWidePerSecond: 40, perChatPerSecond: 4 },
    });
    try {
      for (let chatId = 50_000; chatId < 50_120; chatId += 1) await push.addReader(chatId, ["ai"]);
      push.clock.advance(60_000);
      await push.saveArticles([makeArticle("busy-day", ["ai"])]);
      const broadcast = push.side.runner.run();

      const reply = await chat.reader("en", 7008).say("/settings");
      expect(reply.text).toContain("Delivery settings");
      expect(push.side.runner.running).toBe(true);
      expect(await broadcast).toMatchObject({ sent: 120 });
    } finally {
      await push.close();
    }
  });
});

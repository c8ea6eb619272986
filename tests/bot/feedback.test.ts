import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatedMessage } from "../../dev/emulator/types.js";
import type { Article } from "../../src/articles/schema.js";
import { translateFor } from "../../src/briefs/render.js";
import { createFeedbackKeyboard } from "../../src/feedback/keyboard.js";
import type { Locale } from "../../src/locales.js";
import {
  buttonLabels,
  type ChatHarness,
  publishArticles,
  type Reader,
  startChat,
  titlesOf,
} from "../helpers/chat.js";
import { makeArticle } from "../push/push-harness.js";

const ADMIN = 8101;
const ETHEREUM_MERGE = "ethereum-merge-pos-2022";
const NVIDIA_TRILLION = "nvidia-1-trillion-2023"; // source: Reuters
// A second Reuters story, true, written for this test.
const ARM_IPO: Article = {
  ...makeArticle("arm-nasdaq-debut-2023", ["ai"], {
    briefs: {
      en: {
        title: "Arm shares jump 25% in their Nasdaq debut",
        summary: "The chip designer's shares closed at $63.59 on 14 September 2023.",
      },
    },
  }),
  source: "Reuters",
};

describe("feedback on pushed briefs", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat({ env: { ADMIN_IDS: String(ADMIN) } });
    await publishArticles(chat, ARM_IPO);
    // The store reloads on change and the ledger records the new item; wait for it.
    const deadline = Date.now() + 5000;
    while (!chat.bot.app.deps.ledger.entry(ARM_IPO.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(() => chat.close());

  /** Sends a brief with the feedback row, as a push does, and returns it as the reader sees it. */
  async function pushTo(reader: Reader, articleId: string, locale: Locale) {
    const { deps, bot } = chat.bot.app;
    const article = deps.articles.get(articleId);
    const seq = deps.ledger.entry(articleId)?.seq;
    if (!article || seq === undefined) throw new Error(`${articleId} is not in the store`);
    const next = reader.user.waitForBotMessage();
    await bot.api.sendMessage(reader.id, deps.briefs(article, locale).html, {
      parse_mode: "HTML",
      reply_markup: createFeedbackKeyboard(translateFor(deps.i18n, locale), seq),
    });
    return next;
  }
  const tapAndToast = async (reader: Reader, message: EmulatedMessage, text: string) => {
    const before = chat.emu.callsOf("answerCallbackQuery").length;
    await reader.user.pressButton(message, { text });
    await expect.poll(() => chat.emu.callsOf("answerCallbackQuery").length).toBe(before + 1);
    return reader.lastToast();
  };

  it("should put briefs close to a liked one first in /latest, hiding nothing", async () => {
    const reader = chat.reader("en");
    const before = titlesOf(await reader.say("/latest"));
    expect(before).not.toContain("Ethereum completes the Merge and switches to proof of stake");

    const brief = await pushTo(reader, ETHEREUM_MERGE, "en");
    expect(buttonLabels(brief)).toEqual(["👍", "👎", "Why?", "↗ Share"]);
    expect(await tapAndToast(reader, brief, "👍")).toBe(
      "👍 Noted: briefs like this one come first in your /latest.",
    );
    const after = titlesOf(await reader.say("/latest"));
    expect(after[0]).toBe("Ethereum completes the Merge and switches to proof of stake");
    expect(after[1]).toBe("SEC approves the first spot bitcoin exchange-traded products");
    expect(chat.bot.app.deps.readers.get(reader.id)?.feedback?.[ETHEREUM_MERGE]?.vote).toBe("up");
  });

  it("should offer to mute a source after two 👎 on it within a week, in French", async () => {
    const reader = chat.reader("fr");
    const first = await pushTo(reader, NVIDIA_TRILLION, "fr");
    expect(buttonLabels(first)).toEqual(["👍", "👎", "Pourquoi ?", "↗ Partager"]);
    expect(await tapAndToast(reader, first, "👎")).toBe(
      "👎 C'est noté : les briefs de ce genre passent après les autres dans votre /latest. Rien n'est masqué sans /mute.",
    );
    const second = await pushTo(reader, ARM_IPO.id, "fr");
    const offer = reader.user.waitForBotMessage();
    await reader.user.pressButton(second, { text: "👎" });
    const question = await offer;
    expect(question.text).toBe(
      "Vous n'avez pas aimé 2 briefs de Reuters cette semaine. Mettre Reuters en sourdine ? Ses briefs ne vous seraient plus envoyés ni montrés dans /latest (/unmute pour revenir en arrière).",
    );
    const done = await reader.tap(question, "🔇 Mettre Reuters en sourdine");
    expect(done.text).toContain("Reuters est en sourdine");
    expect(Object.keys(chat.bot.app.deps.readers.get(reader.id)?.mute ?? {})).toEqual([
      "source:reuters",
    ]);
    const latest = await reader.say("/latest ia");
    expect(latest.text).not.toContain("Nvidia");
  });

  it("should say why a brief came: topic, watched term and source", async () => {
    const reader = chat.reader("en");
    await reader.say("/subscribe ai");
    await reader.say("/watch $NVDA");
    const brief = await pushTo(reader, NVIDIA_TRILLION, "en");
    expect(await tapAndToast(reader, brief, "Why?")).toBe(
      "You follow AI.\nYou watch $NVDA.\nSource: Reuters.",
    );
    const alert = chat.emu.callsOf("answerCallbackQuery").at(-1);
    expect(alert?.payload.show_alert).toBe(true);
  });

  it("should refuse a forged button without crashing", async () => {
    const reader = chat.reader("en");
    const brief = await pushTo(reader, ETHEREUM_MERGE, "en");
    await reader.user.sendCallback(brief, "fb:up:999999");
    await expect
      .poll(() => reader.lastToast())
      .toBe("This button has expired. Send the command again.");
    expect(chat.bot.app.deps.readers.get(reader.id)?.feedback).toBeUndefined();
  });

  it("should show the publisher the week's most liked and disliked items and sources", async () => {
    const admin = chat.reader("en", ADMIN);
    const stats = await admin.say("/stats");
    expect(stats.text).toContain("Feedback, last 7 days (👍 / 👎):");
    expect(stats.text).toContain(
      "Most liked: Ethereum completes the Merge and switches to proof of stake (1 / 0)",
    );
    expect(stats.text).toContain("Most disliked: ");
    expect(stats.text).toContain("Arm shares jump 25% in their Nasdaq debut (0 / 1)");
    expect(stats.text).toContain("Sources: ethereum.org (1 / 0) · Reuters (0 / 2)");
  });
});

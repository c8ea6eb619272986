import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonLabels, type ChatHarness, startChat } from "../helpers/chat.js";

describe("/watch, /unwatch, /mute, /unmute", () => {
  let chat: ChatHarness;
  beforeAll(async () => {
    chat = await startChat();
  });
  afterAll(() => chat.close());

  const stored = (id: number, kind: "watch" | "mute") =>
    Object.keys(chat.bot.app.deps.readers.get(id)?.[kind] ?? {});

  it("should watch words, quoted phrases and tickers, normalized, in English", async () => {
    const reader = chat.reader("en");
    const reply = await reader.say('/watch Nvidia "Digital Euro" $NVDA');
    expect(reply.text).toBe(
      'Watching nvidia, "digital euro", $NVDA. New briefs that mention them will come to you, even outside your topics.',
    );
    expect(stored(reader.id, "watch")).toEqual(["nvidia", "digital euro", "$nvda"]);
    expect((await reader.say("/watch NVIDIA")).text).toBe("You already watch nvidia.");
  });

  it("should watch French phrases in French quotes, accents optional", async () => {
    const reader = chat.reader("fr");
    const reply = await reader.say("/watch « euro numérique » MiCA");
    expect(reply.text).toBe(
      'Vous surveillez "euro numerique", mica. Les nouveaux briefs qui les citent vous arriveront, même hors de vos thèmes.',
    );
    expect((await reader.say("/watch euro-numerique")).text).toBe(
      'Vous surveillez déjà "euro numerique".',
    );
  });

  it("should list the watchlist with a remove button per term, and remove with a tap", async () => {
    const reader = chat.reader("en");
    expect((await reader.say("/watch")).text).toBe(
      'Your watchlist is empty. Add terms with /watch, e.g. /watch nvidia "digital euro" $BTC',
    );
    await reader.say("/watch tesla $BTC");
    const list = await reader.say("/watch");
    expect(list.text).toContain("👁 Your watchlist (2 of 50)");
    expect(list.text).toContain("tesla, $BTC");
    expect(buttonLabels(list)).toEqual(["✖ tesla", "✖ $BTC"]);

    const copy = await reader.say("/watch");
    const edited = await reader.tap(list, "✖ tesla");
    expect(edited.message_id).toBe(list.message_id);
    expect(buttonLabels(edited)).toEqual(["✖ $BTC"]);
    expect(reader.lastToast()).toBe("Removed tesla.");
    expect(stored(reader.id, "watch")).toEqual(["$btc"]);

    // The same button on another copy of the list: the term is gone, nothing changes.
    await reader.user.pressButton(copy, { text: "✖ tesla" });
    await expect
      .poll(() => reader.lastToast())
      .toBe("This button has expired. Send the command again.");
    expect(stored(reader.id, "watch")).toEqual(["$btc"]);
  });

  it("should remove with /unwatch and say which terms were not watched", async () => {
    const reader = chat.reader("en");
    await reader.say("/watch nvidia amd");
    expect((await reader.say("/unwatch NVIDIA intel")).text).toBe(
      "No longer watching nvidia.\nYou were not watching intel.",
    );
    expect(stored(reader.id, "watch")).toEqual(["amd"]);
    expect((await reader.say("/unwatch")).text).toBe(
      "Which terms? For example: /unwatch nvidia\nYou watch: amd",
    );
  });

  it("should mute and unmute in French, and move a term from one list to the other", async () => {
    const reader = chat.reader("fr");
    await reader.say("/watch bitcoin");
    expect((await reader.say("/mute Memecoins bitcoin")).text).toBe(
      "En sourdine : memecoins, bitcoin. Les briefs qui les citent ne vous seront plus envoyés ni montrés dans /latest, même sur vos thèmes.\nRetiré de la liste de veille : bitcoin.",
    );
    expect(stored(reader.id, "watch")).toEqual([]);
    const list = await reader.say("/mute");
    expect(list.text).toContain("🔇 Vos sourdines (2 sur 50)");
    expect(buttonLabels(list)).toEqual(["✖ memecoins", "✖ bitcoin"]);
    expect((await reader.say("/unmute bitcoin")).text).toBe("Sourdine levée : bitcoin.");
    expect(stored(reader.id, "mute")).toEqual(["memecoins"]);
  });

  it.each([
    [
      "en",
      "/watch <b>nvidia</b>",
      '"<b>nvidia</b>" looks like HTML: send plain words.\nNothing changed.',
    ],
    ["en", "/watch ...", '"..." has no letter or digit to look for.\nNothing changed.'],
    ["en", "/watch 🚀🚀", '"🚀🚀" has no letter or digit to look for.\nNothing changed.'],
    [
      "en",
      `/watch nvidia ${"x".repeat(61)}`,
      `"${"x".repeat(30)}…" is longer than 60 characters.\nNothing changed.`,
    ],
    ["fr", "/mute 🙈", '"🙈" ne contient ni lettre ni chiffre à chercher.\nRien n\'a changé.'],
    [
      "fr",
      '/watch ""',
      'Je n\'ai trouvé aucun terme. Écrivez des mots, une "expression entre guillemets" ou un symbole comme $NVDA.',
    ],
  ])("(%s) should refuse %s and change nothing", async (language, command, answer) => {
    const reader = chat.reader(language);
    expect((await reader.say(command)).text).toBe(answer);
    expect(stored(reader.id, "watch")).toEqual([]);
    expect(stored(reader.id, "mute")).toEqual([]);
  });

  it("should refuse to pass 50 watched terms, changing nothing", async () => {
    const reader = chat.reader("en");
    const words = Array.from({ length: 48 }, (_, index) => `term${index}`);
    await reader.say(`/watch ${words.join(" ")}`);
    expect((await reader.say("/watch alpha beta gamma")).text).toBe(
      "Your watchlist holds at most 50 terms and has 48: remove some with /unwatch first. Nothing changed.",
    );
    expect(stored(reader.id, "watch")).toHaveLength(48);
    await reader.say("/watch alpha beta");
    expect(stored(reader.id, "watch")).toHaveLength(50);
  });

  it("should keep the lists across a restart", async () => {
    const reader = chat.reader("en");
    await reader.say("/watch $TSLA");
    await reader.say("/mute dogecoin");
    await chat.restart();
    expect(stored(reader.id, "watch")).toEqual(["$tsla"]);
    expect(stored(reader.id, "mute")).toEqual(["dogecoin"]);
  });

  it("should list the commands in the menu in both languages", async () => {
    // The private chats' menu (the default scope), as a reader opens it.
    const menus = chat.emu
      .callsOf("setMyCommands")
      .filter((call) => call.payload.scope === undefined)
      .map((call) => call.payload.commands);
    const names = (menus.at(-1) as { command: string }[]).map((entry) => entry.command);
    expect(names).toEqual(expect.arrayContaining(["watch", "unwatch", "mute", "unmute", "why"]));
    const why = (menu: unknown) =>
      (menu as { command: string; description: string }[]).find((entry) => entry.command === "why");
    const [english, french] = menus.slice(-2);
    expect(why(english)?.description).toBe("Reply to a brief with it: why you got it");
    expect(why(french)?.description).toBe("En réponse à un brief : pourquoi vous l’avez reçu");
    const reader = chat.reader("fr");
    expect((await reader.say("/help")).text).toContain("/mute memecoin : ne jamais recevoir");
  });
});

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createBotApiEmulator } from "../../dev/emulator/index.js";
import type {
  BotApiEmulator,
  EmulatedMessage,
  EmulatedUser,
  EmulatorOptions,
} from "../../dev/emulator/types.js";
import type { Article } from "../../src/articles/schema.js";
import { startTestApp, TEST_TOKEN, type TestApp, type TestAppOptions } from "./test-app.js";

/**
 * A chat harness in the spirit of @grammyjs/i18n's tests: the real bot runs
 * against our emulator over HTTP; a test acts as a reader and reads what the bot
 * sent back.
 */
export interface ChatHarness {
  emu: BotApiEmulator;
  bot: TestApp;
  reader(languageCode: string, id?: number): Reader;
  /** Stops the bot and starts it again on the same data dir (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface Reader {
  user: EmulatedUser;
  id: number;
  /** Sends text and resolves with the bot's next message (or edit). */
  say(text: string): Promise<EmulatedMessage>;
  /** Sends text and collects `count` bot messages. */
  sayAndCollect(text: string, count: number): Promise<EmulatedMessage[]>;
  /**
   * Taps the button labelled `label`, as a reader would find it; resolves with the
   * bot's next message or edit. Forged or stale data goes through `user.sendCallback`.
   */
  tap(message: EmulatedMessage, label: string): Promise<EmulatedMessage>;
  /** The last toast the bot showed for this reader's button taps. */
  lastToast(): string | undefined;
}

let nextReaderId = 10_000;

export async function startChat(
  options: Partial<TestAppOptions> & { emulator?: Partial<EmulatorOptions> } = {},
): Promise<ChatHarness> {
  const emu = await createBotApiEmulator({
    token: TEST_TOKEN,
    botUsername: "briefbot_test_bot",
    ...options.emulator,
  });
  let bot = await startTestApp({ ...options, apiRoot: emu.apiRoot });

  const harness: ChatHarness = {
    emu,
    get bot() {
      return bot;
    },
    reader(languageCode, id = nextReaderId++) {
      const user = emu.user({ id, first_name: `Reader${id}`, language_code: languageCode });
      const collect = async (action: () => Promise<unknown>, count: number) => {
        const messages: EmulatedMessage[] = [];
        const done = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`expected ${count} bot messages, got ${messages.length}`)),
            5000,
          );
          const stop = emu.onChange((event) => {
            if (event.message.chatId !== id || event.message.from !== "bot") return;
            messages.push(event.message);
            if (messages.length === count) {
              clearTimeout(timer);
              stop();
              setImmediate(resolve);
            }
          });
        });
        await action();
        await done;
        return messages;
      };
      return {
        user,
        id,
        async say(text) {
          const next = user.waitForBotMessage();
          await user.sendText(text);
          return next;
        },
        sayAndCollect: (text, count) => collect(() => user.sendText(text), count),
        async tap(message, label) {
          const next = user.waitForBotMessage();
          await user.pressButton(message, { text: label });
          return next;
        },
        lastToast() {
          const answers = emu
            .callsOf("answerCallbackQuery")
            .filter((call) => call.status === 200 && typeof call.payload.text === "string");
          return answers.at(-1)?.payload.text as string | undefined;
        },
      };
    },
    async restart() {
      const dataDir = bot.dataDir;
      await bot.app.stop();
      bot = await startTestApp({ ...options, apiRoot: emu.apiRoot, dataDir });
    },
    async close() {
      await bot.stop();
      await emu.close();
    },
  };
  return harness;
}

/** The labels of a message's inline buttons, row by row flattened. */
export function buttonLabels(message: EmulatedMessage | undefined): string[] {
  return message?.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [];
}

/**
 * Adds articles to the running bot's store as an editor would save it: a minute after
 * what the readers did, so the items are first seen after their subscriptions.
 */
export async function publishArticles(chat: ChatHarness, ...articles: Article[]): Promise<void> {
  const path = join(chat.bot.dataDir, "articles.json");
  const store = JSON.parse(await readFile(path, "utf8")) as { articles: Article[] };
  store.articles.push(...articles);
  chat.bot.clock.advance(60_000);
  await writeFile(path, JSON.stringify(store, null, 2));
}

/** Brief titles: the bold runs of a message (a header line is not bold). */
export function titlesOf(message: EmulatedMessage): string[] {
  return message.entities
    .filter((entity) => entity.type === "bold")
    .map((entity) => message.text.slice(entity.offset, entity.offset + entity.length));
}

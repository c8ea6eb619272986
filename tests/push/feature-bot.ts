import { type RunnerHandle, run } from "@grammyjs/runner";
import { Bot, type Composer } from "grammy";
import type { BotDeps, Context } from "../../src/bot/context.js";
import { settingsFeature } from "../../src/bot/features/settings.js";
import { statsFeature } from "../../src/bot/features/stats.js";
import { unhandledFeature } from "../../src/bot/features/unhandled.js";
import { errorHandler } from "../../src/bot/handlers/error.js";
import { attachDeps } from "../../src/bot/middlewares/attach-deps.js";
import { createBotApiEmulator } from "../../src/emulator/index.js";
import type { BotApiEmulator, EmulatedMessage, EmulatedUser } from "../../src/emulator/types.js";
import { startTestApp, TEST_BOT_INFO, TEST_TOKEN, type TestApp } from "../helpers/test-app.js";

/**
 * The real app's stores and translations with the push features in front of the
 * ordinary fallback, as createBot assembles features, for the /settings and /stats
 * tests until createBot registers these two features itself.
 */
export interface FeatureChat {
  emu: BotApiEmulator;
  app: TestApp;
  /** What the features see; a test may swap a part (e.g. pushStats). */
  deps: BotDeps;
  user(id: number, languageCode: string): EmulatedUser;
  say(user: EmulatedUser, text: string): Promise<EmulatedMessage>;
  tap(user: EmulatedUser, message: EmulatedMessage, data: string): Promise<EmulatedMessage>;
  close(): Promise<void>;
}

export async function startFeatureChat(env: Record<string, string> = {}): Promise<FeatureChat> {
  const emu = await createBotApiEmulator({
    token: TEST_TOKEN,
    botUsername: TEST_BOT_INFO.username,
  });
  const app = await startTestApp({ apiRoot: emu.apiRoot, start: false, env });
  const bot = new Bot<Context>(TEST_TOKEN, {
    client: { apiRoot: emu.apiRoot },
    botInfo: TEST_BOT_INFO,
  });
  const deps: BotDeps = { ...app.app.deps };
  bot.use((ctx, next) => attachDeps(deps)(ctx, next));
  bot.use(deps.i18n);
  const handlers = bot.errorBoundary(errorHandler);
  const features: Composer<Context>[] = [settingsFeature, statsFeature, unhandledFeature];
  for (const feature of features) handlers.use(feature);
  bot.catch(errorHandler);
  const runner: RunnerHandle = run(bot);

  return {
    emu,
    app,
    deps,
    user: (id, languageCode) =>
      emu.user({ id, first_name: `Reader${id}`, language_code: languageCode }),
    async say(user, text) {
      const next = user.waitForBotMessage();
      await user.sendText(text);
      return next;
    },
    async tap(user, message, data) {
      const next = user.waitForBotMessage({ edits: true });
      await user.pressButton(message, { data });
      return next;
    },
    async close() {
      if (runner.isRunning()) await runner.stop();
      await app.stop();
      await emu.close();
    },
  };
}

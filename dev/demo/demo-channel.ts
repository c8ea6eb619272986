/**
 * The demo's channel: one the simulated reader owns, with the bot added as an
 * administrator at demo start, as a publisher would. The bot then sends the reader the
 * channel's settings panel in the private chat, and posts there once a topic is chosen.
 */
import type { BotApiEmulator, EmulatedChannel } from "../emulator/index.js";

/** What the page shows of the channel. */
export interface DemoChannelInfo {
  id: number;
  title: string;
  /** Without "@". */
  username: string;
}

export const DEMO_CHANNEL: Omit<DemoChannelInfo, "id"> = {
  title: "Tech Finance Demo",
  username: "techfinance_demo",
};

export interface DemoChannel {
  readonly info: DemoChannelInfo;
  readonly channel: EmulatedChannel;
  /**
   * The reader adds the bot as an administrator allowed to post (my_chat_member). Called
   * once the reader is known to the emulator, so the update carries their language_code.
   */
  addBot(readerId: number): Promise<void>;
}

/** Creates the channel; the bot is not in it until addBot. */
export function createDemoChannel(emulator: BotApiEmulator): DemoChannel {
  const channel = emulator.channel({ ...DEMO_CHANNEL });
  return {
    info: { id: channel.id, ...DEMO_CHANNEL },
    channel,
    async addBot(readerId) {
      await channel.addBot(readerId);
    },
  };
}

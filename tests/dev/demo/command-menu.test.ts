import { describe, expect, it } from "vitest";
import { resolveCommandMenu } from "../../../dev/demo/command-menu.js";
import type { RecordedCall } from "../../../dev/emulator/index.js";

const CHAT = 42;

function call(method: string, payload: Record<string, unknown>, status = 200): RecordedCall {
  return { method, payload, at: 0, status, response: { ok: status === 200 } };
}

function menu(...names: string[]) {
  return names.map((command) => ({ command, description: `${command} help` }));
}

describe("the command menu a private chat shows", () => {
  const calls = [
    call("setMyCommands", { commands: menu("start", "help") }),
    call("setMyCommands", { commands: menu("aide"), language_code: "fr" }),
  ];

  it("is the default list in the user's language, else the default one", () => {
    expect(resolveCommandMenu(calls, CHAT, "fr")).toEqual(menu("aide"));
    expect(resolveCommandMenu(calls, CHAT, "de")).toEqual(menu("start", "help"));
  });

  it("prefers this chat's list, and ignores other chats' lists", () => {
    const withChat = [
      ...calls,
      call("setMyCommands", { commands: menu("langue"), scope: { type: "chat", chat_id: CHAT } }),
      call("setMyCommands", { commands: menu("other"), scope: { type: "chat", chat_id: 7 } }),
    ];
    expect(resolveCommandMenu(withChat, CHAT, "en")).toEqual(menu("langue"));
    expect(resolveCommandMenu(withChat, 7, "en")).toEqual(menu("other"));
  });

  it("falls back after deleteMyCommands and ignores refused calls", () => {
    const changed = [
      ...calls,
      call("setMyCommands", { commands: menu("broken"), language_code: "fr" }, 400),
      call("deleteMyCommands", { language_code: "fr" }),
    ];
    expect(resolveCommandMenu(changed, CHAT, "fr")).toEqual(menu("start", "help"));
  });

  it("is empty when the bot never set one", () => {
    expect(resolveCommandMenu([], CHAT, "en")).toEqual([]);
  });
});

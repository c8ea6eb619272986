/**
 * The demo page's script, bundled by esbuild at demo start (page-assets.ts) and sent
 * inline. No framework, no network beyond the demo's own API. Bot text reaches the DOM
 * only as text nodes and elements built from the message's entities, never as HTML.
 */
import { callApi } from "./api.js";
import type {
  ChannelPayload,
  ChatChangePayload,
  LanguageResult,
  MenuPayload,
  PressResult,
  PublishResult,
  StatePayload,
} from "./api-types.js";
import { createChatLog } from "./chat-log.js";
import { createCommandMenu, TYPING_COMMAND } from "./command-menu.js";
import { byId, el } from "./dom.js";

const TOAST_MS = 2_600;
/** Telegram keeps a show_alert answer up until dismissed; the demo keeps it longer. */
const ALERT_TOAST_MS = 6_000;
const INPUT_MAX_HEIGHT_PX = 140;

const els = {
  messages: byId("messages", HTMLDivElement),
  empty: byId("empty", HTMLDivElement),
  start: byId("start", HTMLButtonElement),
  composer: byId("composer", HTMLFormElement),
  input: byId("input", HTMLTextAreaElement),
  menuButton: byId("menu-button", HTMLButtonElement),
  menu: byId("command-menu", HTMLDivElement),
  publish: byId("publish", HTMLButtonElement),
  publishStatus: byId("publish-status", HTMLParagraphElement),
  toast: byId("toast", HTMLDivElement),
  botName: byId("bot-name", HTMLSpanElement),
  botUsername: byId("bot-username", HTMLSpanElement),
  subtitle: byId("chat-subtitle", HTMLDivElement),
  avatar: byId("chat-avatar", HTMLDivElement),
  pushEvery: byId("push-every", HTMLSpanElement),
  conversations: byId("conversations", HTMLElement),
  privateTab: byId("tab-private", HTMLButtonElement),
  channelTab: byId("tab-channel", HTMLButtonElement),
  channelTabTitle: byId("channel-tab-title", HTMLSpanElement),
  channelUnread: byId("channel-unread", HTMLSpanElement),
  privateView: byId("private-view", HTMLDivElement),
  channelView: byId("channel-view", HTMLDivElement),
  channelTitle: byId("channel-title", HTMLSpanElement),
  channelUsername: byId("channel-username", HTMLSpanElement),
  channelMessages: byId("channel-messages", HTMLDivElement),
  channelEmpty: byId("channel-empty", HTMLDivElement),
  channelStep: byId("channel-step", HTMLLIElement),
  channelStepTitle: byId("channel-step-title", HTMLElement),
};
const languageButtons = [...document.querySelectorAll<HTMLButtonElement>("[data-lang]")];
let toastTimer = 0;

function showToast(text: string, options: { error?: boolean; alert?: boolean } = {}): void {
  els.toast.textContent = text;
  els.toast.classList.toggle("error", Boolean(options.error));
  els.toast.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(
    () => {
      els.toast.hidden = true;
    },
    options.alert ? ALERT_TOAST_MS : TOAST_MS,
  );
}

function showError(error: unknown): void {
  showToast((error as Error).message, { error: true });
}

// ---- Actions ----

/** Sends a message as the reader; false (with a toast saying why) when it did not go. */
async function sendText(text: string): Promise<boolean> {
  const value = text.trim();
  if (value === "") return false;
  try {
    await callApi("POST", "/api/send", { text: value });
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}

function press(messageId: number, data: string, node: HTMLElement): void {
  if (node.classList.contains("pending")) return;
  node.classList.add("pending");
  callApi<PressResult>("POST", "/api/press", { messageId, data })
    .then((result) => {
      if (result?.answer) showToast(result.answer.text, { alert: result.answer.showAlert });
    })
    .catch(showError)
    .finally(() => node.classList.remove("pending"));
}

const chatLog = createChatLog(
  els,
  { press, sendCommand: (command) => void sendText(command) },
  { hideEmptyOnceFrom: "user" },
);
const channelLog = createChatLog(
  { messages: els.channelMessages, empty: els.channelEmpty },
  { press, sendCommand: (command) => void sendText(command) },
);
const commandMenu = createCommandMenu(
  { menu: els.menu, button: els.menuButton, input: els.input },
  chooseCommand,
);

function setLanguageUi(code: string): void {
  for (const button of languageButtons) {
    button.setAttribute("aria-checked", String(button.getAttribute("data-lang") === code));
  }
}

function applyMenu(menu: MenuPayload): void {
  setLanguageUi(menu.language);
  commandMenu.setCommands(menu.commands);
}

// ---- Composer ----

function autosize(): void {
  els.input.style.height = "auto";
  els.input.style.height = `${Math.min(els.input.scrollHeight, INPUT_MAX_HEIGHT_PX)}px`;
}

function chooseCommand(command: string): void {
  els.input.value = `/${command} `;
  commandMenu.close();
  autosize();
  els.input.focus();
}

function submitInput(): void {
  const text = els.input.value;
  if (text.trim() === "") return;
  els.input.value = "";
  autosize();
  commandMenu.close();
  void sendText(text).then((sent) => {
    // Gives the text back to edit, unless the reader has started another message.
    if (!sent && els.input.value === "") {
      els.input.value = text;
      autosize();
    }
  });
}

function onInputKey(event: KeyboardEvent): void {
  const menuOpen = commandMenu.isOpen();
  if (menuOpen && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
    if (commandMenu.moveActive(event.key === "ArrowDown" ? 1 : -1)) event.preventDefault();
    return;
  }
  if (event.key === "Escape") {
    commandMenu.close();
    return;
  }
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    const chosen = menuOpen ? commandMenu.activeEntry() : undefined;
    if (chosen) chooseCommand(chosen.command);
    else submitInput();
  }
}

els.composer.addEventListener("submit", (event) => {
  event.preventDefault();
  submitInput();
});
els.input.addEventListener("keydown", onInputKey);
els.input.addEventListener("input", () => {
  autosize();
  if (TYPING_COMMAND.test(els.input.value) && commandMenu.hasCommands()) commandMenu.open();
  else commandMenu.close();
});
els.menuButton.addEventListener("click", () => {
  if (commandMenu.isOpen()) commandMenu.close();
  else commandMenu.open();
});
document.addEventListener("click", (event) => {
  if (commandMenu.isOpen() && !commandMenu.owns(event.target)) commandMenu.close();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && commandMenu.isOpen()) commandMenu.close();
});
els.start.addEventListener("click", () => void sendText("/start"));
for (const button of document.querySelectorAll<HTMLElement>("[data-send]")) {
  button.addEventListener("click", () => {
    // The bot answers in the private chat, so that is where the reader goes.
    showConversation("private");
    void sendText(button.getAttribute("data-send") ?? "");
  });
}

// ---- Conversations: the private chat and the channel ----

type Conversation = "private" | "channel";
let shown: Conversation = "private";
let unreadPosts = 0;

function setUnread(count: number): void {
  unreadPosts = count;
  els.channelUnread.textContent = String(count);
  els.channelUnread.hidden = count === 0;
}

function showConversation(which: Conversation): void {
  shown = which;
  els.privateTab.setAttribute("aria-selected", String(which === "private"));
  els.channelTab.setAttribute("aria-selected", String(which === "channel"));
  els.privateView.hidden = which !== "private";
  els.channelView.hidden = which !== "channel";
  if (which === "channel") {
    setUnread(0);
    channelLog.scrollToBottom();
  } else {
    chatLog.scrollToBottom();
  }
}

function applyChannel(channel: ChannelPayload | null): void {
  els.conversations.hidden = channel === null;
  els.channelStep.hidden = channel === null;
  if (channel === null) {
    showConversation("private");
    return;
  }
  els.channelTabTitle.textContent = channel.title;
  els.channelTitle.textContent = channel.title;
  els.channelStepTitle.textContent = channel.title;
  els.channelUsername.textContent = `@${channel.username}`;
  channelLog.reset(channel.messages);
}

els.privateTab.addEventListener("click", () => showConversation("private"));
els.channelTab.addEventListener("click", () => showConversation("channel"));

// ---- Panel ----

for (const button of languageButtons) {
  button.addEventListener("click", () => {
    const code = button.getAttribute("data-lang");
    callApi<LanguageResult>("POST", "/api/language", { code }).then(applyMenu).catch(showError);
  });
}

/** "Published: <title> — … following #a, #b or #c (tap them under /topics)." */
function showPublished(result: PublishResult): void {
  const status = els.publishStatus;
  status.replaceChildren();
  const title = el("strong");
  title.setAttribute("data-testid", "published-title");
  title.textContent = result.article.title;
  status.append(
    "Published: ",
    title,
    ` — the next push runs within ${result.pushIntervalSeconds} s. It goes to readers following `,
  );
  const { topics } = result.article;
  topics.forEach((topic, index) => {
    if (index > 0) status.append(index === topics.length - 1 ? " or " : ", ");
    const tag = el("span", "topic-tag");
    tag.textContent = `#${topic}`;
    status.append(tag);
  });
  status.append(" (tap them under /topics).");
}

els.publish.addEventListener("click", () => {
  els.publish.disabled = true;
  els.publishStatus.classList.remove("error");
  els.publishStatus.textContent = "Publishing…";
  callApi<PublishResult>("POST", "/api/publish", {})
    .then(showPublished)
    .catch((error: unknown) => {
      els.publishStatus.classList.add("error");
      els.publishStatus.textContent = `Not published: ${(error as Error).message}`;
    })
    .finally(() => {
      els.publish.disabled = false;
    });
});

// ---- Live updates ----

function applyState(state: StatePayload): void {
  els.botName.textContent = state.bot.firstName;
  els.botUsername.textContent = `@${state.bot.username}`;
  els.avatar.textContent = state.bot.firstName.slice(0, 1).toUpperCase();
  els.privateTab.textContent = state.bot.firstName;
  document.title = `${state.bot.firstName} — demo chat`;
  els.pushEvery.textContent = String(state.pushIntervalSeconds);
  applyMenu(state);
  chatLog.reset(state.messages);
  applyChannel(state.channel);
}

function connect(): void {
  const source = new EventSource("/api/events");
  source.addEventListener("state", (event) => {
    els.subtitle.textContent = "bot";
    els.subtitle.classList.remove("offline");
    document.body.setAttribute("data-ready", "true");
    applyState(JSON.parse(event.data) as StatePayload);
  });
  source.addEventListener("chat", (event) => {
    const change = JSON.parse(event.data) as ChatChangePayload;
    if (change.kind === "delete") chatLog.remove(change.message);
    else chatLog.upsert(change.message, change.kind);
  });
  source.addEventListener("channel", (event) => {
    const change = JSON.parse(event.data) as ChatChangePayload;
    if (change.kind === "delete") channelLog.remove(change.message);
    else channelLog.upsert(change.message, change.kind);
    if (change.kind === "message" && shown !== "channel") setUnread(unreadPosts + 1);
  });
  source.addEventListener("menu", (event) => {
    applyMenu(JSON.parse(event.data) as MenuPayload);
  });
  source.addEventListener("error", () => {
    els.subtitle.textContent = "reconnecting…";
    els.subtitle.classList.add("offline");
  });
}

// A chat that was showing its last message keeps showing it when the window resizes.
let stuckToBottom = true;
els.messages.addEventListener("scroll", () => {
  stuckToBottom = chatLog.isNearBottom();
});
new ResizeObserver(() => {
  if (stuckToBottom) chatLog.scrollToBottom();
}).observe(els.messages);

connect();
els.input.focus();

import type { PageAssets } from "./page-assets.js";

const SEND_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z"/></svg>';

/** Inline content must not close its own element early; esbuild escapes this in strings. */
function checkInlineable(content: string, tag: "script" | "style"): string {
  if (content.toLowerCase().includes(`</${tag}`)) {
    throw new Error(`the demo page's ${tag} contains "</${tag}", which would end it early`);
  }
  return content;
}

/**
 * The one-page chat, self-contained (inline CSS and JS, no external resources: the
 * demo must work offline). The nonce ties the inline style and script to the page's
 * Content-Security-Policy.
 */
export function renderDemoPage(options: { nonce: string; assets: PageAssets }): string {
  const nonce = options.nonce.replace(/[^A-Za-z0-9+/=]/g, "");
  const style = checkInlineable(options.assets.style, "style");
  const script = checkInlineable(options.assets.script, "script");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Briefbot — demo chat</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${style}</style>
</head>
<body>
<div class="app">
  <aside class="panel" data-testid="panel">
    <div class="brand">
      <div class="avatar" aria-hidden="true">B</div>
      <div>
        <h1>Briefbot demo</h1>
        <p>The real bot, talking to a Telegram Bot API emulator on this machine.</p>
      </div>
    </div>
    <section class="steps-section">
      <h2>Try it</h2>
      <ol class="steps">
        <li>Send <button type="button" class="command-chip" data-send="/start">/start</button> and tap a topic to follow it.</li>
        <li>Ask for the newest briefs: <button type="button" class="command-chip" data-send="/latest">/latest</button> or <button type="button" class="command-chip" data-send="/latest ai">/latest ai</button>.</li>
        <li>Publish a sample article below: the next push brings it into the chat.</li>
        <li id="channel-step" hidden>The bot is an administrator of your channel <b id="channel-step-title">Channel</b>: tap a topic in the panel it sent you, publish, and see the post in the channel's tab.</li>
        <li>The <b>/ Menu</b> button lists the bot's commands; <button type="button" class="command-chip" data-send="/language">/language</button> switches the bot's language.</li>
      </ol>
    </section>
    <section>
      <h2>Reader's Telegram language</h2>
      <div class="segmented" role="radiogroup" aria-label="Reader's Telegram language">
        <button type="button" role="radio" aria-checked="true" data-lang="en" data-testid="lang-en">English</button>
        <button type="button" role="radio" aria-checked="false" data-lang="fr" data-testid="lang-fr">Français</button>
      </div>
      <p class="hint">Sent with every message as Telegram's language_code. It picks the command menu, and the bot's language until the reader chooses one with /language.</p>
    </section>
    <section>
      <h2>Newsroom</h2>
      <button type="button" class="primary" id="publish" data-testid="publish">Publish a sample article</button>
      <p class="status" id="publish-status" data-testid="publish-status" role="status" aria-live="polite"></p>
    </section>
    <footer>Pushes run every <span id="push-every">3</span> s. Everything stays on this machine: no message reaches Telegram.</footer>
  </aside>
  <main class="chat" data-testid="chat">
    <nav class="conversations" id="conversations" role="tablist" aria-label="Conversations" hidden>
      <button type="button" role="tab" id="tab-private" data-testid="tab-private" aria-selected="true" aria-controls="private-view">Briefbot</button>
      <button type="button" role="tab" id="tab-channel" data-testid="tab-channel" aria-selected="false" aria-controls="channel-view"><span id="channel-tab-title">Channel</span> (channel) <span class="unread" id="channel-unread" data-testid="channel-unread" hidden></span></button>
    </nav>
    <div class="toast" id="toast" data-testid="toast" role="status" hidden></div>
    <div class="conversation" id="private-view" role="tabpanel" aria-labelledby="tab-private">
    <header class="chat-header">
      <div class="avatar small" id="chat-avatar" aria-hidden="true">B</div>
      <div>
        <div class="chat-title"><span id="bot-name" data-testid="bot-name">Briefbot</span></div>
        <div class="chat-subtitle" id="chat-subtitle"><span>connecting…</span></div>
      </div>
      <span id="bot-username" hidden></span>
    </header>
    <div class="messages" id="messages" data-testid="messages" role="log" aria-live="polite">
      <div class="day">Today</div>
      <div class="empty" id="empty">
        <h3>What can this bot do?</h3>
        <p>Short briefs of tech-finance news, in English or French: fintech, blockchain, crypto, AI, cloud, 5G, IoT, data centres and regulation. Follow topics and new briefs come to you.</p>
        <button type="button" class="primary" id="start" data-testid="start">START</button>
      </div>
    </div>
    <div class="composer-wrap">
      <div class="command-menu" id="command-menu" data-testid="command-menu" role="listbox" hidden></div>
      <form class="composer" id="composer" autocomplete="off">
        <button type="button" class="menu-button" id="menu-button" data-testid="menu-button" aria-haspopup="listbox" aria-expanded="false" aria-controls="command-menu" hidden>/ Menu</button>
        <textarea id="input" data-testid="input" rows="1" maxlength="4096" placeholder="Message" aria-label="Message"></textarea>
        <button type="submit" class="send" data-testid="send" aria-label="Send">${SEND_ICON}</button>
      </form>
    </div>
    </div>
    <div class="conversation" id="channel-view" data-testid="channel-view" role="tabpanel" aria-labelledby="tab-channel" hidden>
      <header class="chat-header">
        <div class="avatar small channel" aria-hidden="true">#</div>
        <div>
          <div class="chat-title"><span id="channel-title" data-testid="channel-title">Channel</span></div>
          <div class="chat-subtitle">channel · <span id="channel-username"></span> · you are an administrator</div>
        </div>
      </header>
      <div class="messages" id="channel-messages" data-testid="channel-messages" role="log" aria-live="polite">
        <p class="channel-hint" data-testid="channel-hint">You administer this channel, and Briefbot posts the briefs of its topics here. Configure it from the private chat: send <button type="button" class="command-chip" data-send="/channels" data-testid="channel-hint-command">/channels</button>, or use the panel the bot sent when it was added (topics, language, digest, silent posts).</p>
        <div class="empty" id="channel-empty">
          <p>No posts yet: nothing is posted until a topic is chosen. Then publish a sample article of that topic.</p>
        </div>
      </div>
    </div>
  </main>
</div>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}

/** The demo page's CSS: a Telegram-like chat beside a small control panel. No external assets. */
export const PAGE_STYLE = `
:root {
  --accent: #3390ec;
  --accent-dark: #2a7bd0;
  --link: #168acd;
  --text: #0f1419;
  --muted: #707579;
  --panel: #ffffff;
  --bubble-in: #ffffff;
  --bubble-out: #e3fee0;
  --meta-out: #4fae4e;
  --shadow: 0 1px 2px rgba(16, 35, 47, 0.15);
  --radius: 14px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    sans-serif, "Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji";
  color: var(--text);
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { background: #e9edf1; }
button { font: inherit; cursor: pointer; }
button:disabled { cursor: default; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

.app {
  display: grid;
  grid-template-columns: 340px minmax(0, 1fr);
  height: 100vh;
  height: 100dvh;
}

/* Control panel */
.panel {
  background: var(--panel);
  border-right: 1px solid #dfe1e5;
  padding: 22px 22px 16px;
  display: flex;
  flex-direction: column;
  gap: 20px;
  overflow-y: auto;
}
.brand { display: flex; gap: 12px; align-items: center; }
.brand h1 { font-size: 19px; margin: 0 0 2px; }
.brand p { margin: 0; color: var(--muted); font-size: 13.5px; line-height: 1.35; }
.avatar {
  flex: none;
  width: 46px;
  height: 46px;
  border-radius: 50%;
  display: grid;
  place-items: center;
  color: #fff;
  font-weight: 600;
  font-size: 20px;
  background: linear-gradient(135deg, #72d5fd, #2a9ef1);
}
.avatar.small { width: 40px; height: 40px; font-size: 18px; }
.panel h2 {
  font-size: 12px;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--muted);
  margin: 0 0 8px;
}
.steps { margin: 0; padding-left: 20px; font-size: 14px; line-height: 1.5; }
.steps li { margin-bottom: 6px; }
.steps li::marker { color: var(--accent); font-weight: 600; }
.command-chip {
  border: 0;
  background: #e8f2fd;
  color: var(--accent-dark);
  border-radius: 6px;
  padding: 0 6px;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 13px;
}
.command-chip:hover { background: #d6e8fb; }
.segmented {
  display: inline-flex;
  background: #f1f3f4;
  border-radius: 10px;
  padding: 3px;
  gap: 3px;
}
.segmented button {
  border: 0;
  background: transparent;
  border-radius: 8px;
  padding: 6px 14px;
  color: var(--muted);
  font-weight: 500;
}
.segmented button[aria-checked="true"] {
  background: #fff;
  color: var(--text);
  box-shadow: var(--shadow);
}
.hint { color: var(--muted); font-size: 12.5px; line-height: 1.4; margin: 8px 0 0; }
.primary {
  border: 0;
  border-radius: 10px;
  background: var(--accent);
  color: #fff;
  font-weight: 600;
  padding: 11px 14px;
  width: 100%;
}
.primary:hover:not(:disabled) { background: var(--accent-dark); }
.primary:disabled { opacity: 0.6; }
.status { font-size: 13px; line-height: 1.45; margin: 10px 0 0; min-height: 1.45em; }
.status.error { color: #d14343; }
.topic-tag { color: var(--accent-dark); font-weight: 500; }
.panel footer { margin-top: auto; color: var(--muted); font-size: 12px; line-height: 1.4; }

/* Chat */
.chat {
  position: relative;
  display: flex;
  flex-direction: column;
  min-height: 0;
  background-color: #b8d5a4;
  background-image:
    radial-gradient(circle at 20% 20%, rgba(255, 255, 255, 0.28) 0 2px, transparent 3px),
    radial-gradient(circle at 70% 60%, rgba(255, 255, 255, 0.22) 0 1.5px, transparent 2.5px),
    linear-gradient(160deg, #d6e7b5 0%, #a9cf9b 45%, #8dbfa0 100%);
  background-size: 46px 46px, 34px 34px, 100% 100%;
}
.chat-header {
  display: flex;
  align-items: center;
  gap: 12px;
  padding: 9px 18px;
  background: #fff;
  border-bottom: 1px solid #dfe1e5;
  min-height: 58px;
}
.chat-title { font-weight: 600; font-size: 16px; }
.chat-subtitle { font-size: 13.5px; color: var(--muted); }
.chat-subtitle.offline { color: #d14343; }
.messages {
  flex: 1;
  overflow-y: auto;
  padding: 16px max(16px, calc((100% - 760px) / 2)) 12px;
  display: flex;
  flex-direction: column;
  gap: 6px;
}
.day {
  align-self: center;
  background: rgba(0, 0, 0, 0.22);
  color: #fff;
  font-size: 13px;
  font-weight: 500;
  border-radius: 12px;
  padding: 3px 10px;
  margin: 2px 0 6px;
}
.empty {
  align-self: center;
  margin: auto 0;
  max-width: 340px;
  background: rgba(255, 255, 255, 0.92);
  border-radius: var(--radius);
  padding: 18px 20px;
  text-align: center;
  box-shadow: var(--shadow);
  font-size: 14px;
  line-height: 1.45;
}
.empty h3 { margin: 0 0 6px; font-size: 15px; }
.empty p { margin: 0 0 14px; color: #3b4045; }
.empty .primary { width: auto; padding: 9px 26px; letter-spacing: 0.04em; }

.row { display: flex; flex-direction: column; max-width: min(560px, 82%); }
.row.from-bot { align-self: flex-start; }
.row.from-user { align-self: flex-end; }
.bubble {
  position: relative;
  padding: 7px 11px 7px 12px;
  border-radius: var(--radius);
  background: var(--bubble-in);
  box-shadow: var(--shadow);
  font-size: 15px;
  line-height: 1.4;
  overflow-wrap: anywhere;
}
.from-bot .bubble { border-bottom-left-radius: 4px; }
.from-user .bubble { background: var(--bubble-out); border-bottom-right-radius: 4px; }
.row.flash .bubble { animation: flash 0.9s ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 3px rgba(51, 144, 236, 0.55); } }
.text { white-space: pre-wrap; }
.text a { color: var(--link); text-decoration: none; }
.text a:hover { text-decoration: underline; }
.text code, .text pre {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 13.5px;
}
.text code { background: rgba(0, 0, 0, 0.06); border-radius: 4px; padding: 0 3px; }
.text pre {
  background: rgba(0, 0, 0, 0.05);
  border-radius: 8px;
  padding: 6px 8px;
  margin: 4px 0;
  white-space: pre-wrap;
}
.text pre code { background: none; padding: 0; }
.text blockquote {
  margin: 4px 0;
  padding: 2px 8px;
  border-left: 3px solid var(--accent);
  background: rgba(51, 144, 236, 0.08);
  border-radius: 4px;
}
.spoiler {
  background: #9aa3ab;
  color: transparent;
  border-radius: 4px;
  cursor: pointer;
}
.spoiler.revealed { background: rgba(0, 0, 0, 0.06); color: inherit; cursor: auto; }
.meta {
  float: right;
  position: relative;
  top: 6px;
  margin-left: 10px;
  font-size: 12px;
  color: #8a9299;
  white-space: nowrap;
  user-select: none;
}
.from-user .meta { color: var(--meta-out); }
.keyboard { display: flex; flex-direction: column; gap: 4px; margin-top: 4px; }
.keyboard-row { display: flex; gap: 4px; }
.keyboard-button {
  flex: 1 1 0;
  min-width: 0;
  border: 0;
  border-radius: 10px;
  padding: 8px 8px;
  background: rgba(38, 73, 45, 0.36);
  color: #fff;
  font-size: 14px;
  font-weight: 500;
  text-align: center;
  text-decoration: none;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
  backdrop-filter: blur(8px);
  transition: background 0.15s;
}
.keyboard-button:hover:not(:disabled) { background: rgba(38, 73, 45, 0.5); }
.keyboard-button.pending { animation: pulse 0.8s ease-in-out infinite alternate; }
.keyboard-button:disabled { opacity: 0.6; }
@keyframes pulse { to { background: rgba(38, 73, 45, 0.6); } }

.composer-wrap { padding: 0 max(12px, calc((100% - 760px) / 2)) 14px; position: relative; }
.composer {
  display: flex;
  align-items: flex-end;
  gap: 8px;
  background: #fff;
  border-radius: 16px;
  padding: 6px 6px 6px 8px;
  box-shadow: var(--shadow);
}
.menu-button {
  flex: none;
  border: 0;
  background: var(--accent);
  color: #fff;
  border-radius: 11px;
  padding: 7px 11px;
  font-weight: 600;
  font-size: 14px;
  display: inline-flex;
  align-items: center;
  gap: 6px;
}
.menu-button[hidden] { display: none; }
.menu-button:hover { background: var(--accent-dark); }
.composer textarea {
  flex: 1;
  border: 0;
  resize: none;
  font: inherit;
  font-size: 15px;
  line-height: 1.35;
  padding: 7px 4px;
  max-height: 140px;
  outline: none;
  background: transparent;
}
.send {
  flex: none;
  width: 38px;
  height: 38px;
  border: 0;
  border-radius: 50%;
  background: var(--accent);
  display: grid;
  place-items: center;
}
.send:hover { background: var(--accent-dark); }
.send svg { width: 20px; height: 20px; fill: #fff; margin-left: 2px; }
.command-menu {
  position: absolute;
  left: max(12px, calc((100% - 760px) / 2));
  bottom: calc(100% - 6px);
  width: min(420px, calc(100% - 24px));
  max-height: 320px;
  overflow-y: auto;
  background: #fff;
  border-radius: 14px;
  box-shadow: 0 6px 24px rgba(16, 35, 47, 0.22);
  padding: 6px;
  z-index: 5;
}
.command-menu[hidden] { display: none; }
.command-item {
  display: flex;
  gap: 10px;
  align-items: baseline;
  width: 100%;
  border: 0;
  background: transparent;
  text-align: left;
  padding: 8px 10px;
  border-radius: 9px;
}
.command-item:hover, .command-item.active { background: #f1f3f4; }
.command-item .name { font-weight: 600; color: var(--text); }
.command-item .description { color: var(--muted); font-size: 13.5px; }

.toast {
  position: absolute;
  left: 50%;
  top: 72px;
  transform: translateX(-50%);
  background: rgba(20, 24, 28, 0.86);
  color: #fff;
  padding: 9px 16px;
  border-radius: 12px;
  font-size: 14px;
  max-width: min(90vw, 420px);
  text-align: center;
  z-index: 10;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.25);
}
.toast[hidden] { display: none; }
.toast.error { background: rgba(180, 40, 40, 0.92); }

@media (max-width: 760px) {
  .app { display: flex; flex-direction: column; }
  .panel {
    flex: none;
    border-right: 0;
    border-bottom: 1px solid #dfe1e5;
    padding: 10px 12px;
    gap: 8px;
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
  }
  .panel .brand, .panel .steps-section, .panel .hint, .panel footer { display: none; }
  .panel h2 { display: none; }
  .panel section { display: contents; }
  .primary { width: auto; flex: 1; padding: 8px 12px; }
  .status { flex-basis: 100%; margin: 0; min-height: 0; font-size: 12.5px; }
  .status:empty { display: none; }
  .chat { flex: 1; }
  .row { max-width: 88%; }
  .chat-header { min-height: 52px; padding: 6px 12px; }
}
`;

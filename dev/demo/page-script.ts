/**
 * The demo page's script, sent inline (no build step, no framework, no network beyond
 * the demo's own API). Bot text reaches the DOM only as text nodes and elements built
 * from the message's entities, never as HTML. Kept as plain ES2020 inside a string:
 * no template literals, so it can live in this TypeScript template.
 */
export const PAGE_SCRIPT = `
"use strict";
(function () {
  var byId = function (id) { return document.getElementById(id); };
  var els = {
    messages: byId("messages"),
    empty: byId("empty"),
    start: byId("start"),
    composer: byId("composer"),
    input: byId("input"),
    menuButton: byId("menu-button"),
    menu: byId("command-menu"),
    publish: byId("publish"),
    publishStatus: byId("publish-status"),
    toast: byId("toast"),
    botName: byId("bot-name"),
    botUsername: byId("bot-username"),
    subtitle: byId("chat-subtitle"),
    avatar: byId("chat-avatar"),
    pushEvery: byId("push-every"),
  };
  var languageButtons = Array.prototype.slice.call(document.querySelectorAll("[data-lang]"));
  var rows = new Map();
  var commands = [];
  var pushIntervalSeconds = 3;
  var toastTimer = 0;
  var activeMenuIndex = -1;

  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    return node;
  }

  function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (!response.ok) {
          throw new Error((data && data.error) || ("The demo server answered " + response.status));
        }
        return data;
      });
    });
  }

  function showToast(text, options) {
    options = options || {};
    els.toast.textContent = text;
    els.toast.classList.toggle("error", Boolean(options.error));
    els.toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { els.toast.hidden = true; }, options.alert ? 6000 : 2600);
  }

  // ---- Formatted text: Telegram entities (UTF-16 offsets) to DOM ----

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      return /^(https?|tg|mailto):$/.test(parsed.protocol) ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  function linkTo(href) {
    var safe = safeHref(href);
    if (safe === null) return el("span", "entity");
    var a = el("a");
    a.href = safe;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.title = safe;
    return a;
  }

  function entityNodes(entity) {
    var source = entity.source;
    var node;
    switch (entity.type) {
      case "bold": node = el("strong"); break;
      case "italic": node = el("em"); break;
      case "underline": node = el("u"); break;
      case "strikethrough": node = el("s"); break;
      case "code": node = el("code"); break;
      case "pre": {
        var pre = el("pre");
        var code = el("code");
        if (entity.language) code.setAttribute("data-language", entity.language);
        pre.append(code);
        return { outer: pre, inner: code };
      }
      case "blockquote":
      case "expandable_blockquote": node = el("blockquote"); break;
      case "spoiler": {
        node = el("span", "spoiler");
        node.title = "Tap to reveal";
        node.addEventListener("click", function () { node.classList.add("revealed"); });
        break;
      }
      case "text_link": node = linkTo(entity.url); break;
      case "url": node = linkTo(/^[a-z][a-z0-9+.-]*:/i.test(source) ? source : "http://" + source); break;
      case "email": node = linkTo("mailto:" + source); break;
      case "bot_command": {
        node = el("a", "command");
        node.href = "#";
        node.addEventListener("click", function (event) {
          event.preventDefault();
          sendText(source);
        });
        break;
      }
      default: node = el("span", "entity entity-" + String(entity.type).replace(/[^a-z_]/g, ""));
    }
    return { outer: node, inner: node };
  }

  function renderFormatted(text, entities) {
    var root = document.createDocumentFragment();
    var pending = (entities || [])
      .filter(function (e) {
        return Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0 &&
          e.offset >= 0 && e.offset < text.length;
      })
      .map(function (e) {
        var end = Math.min(text.length, e.offset + e.length);
        return Object.assign({}, e, { end: end, source: text.slice(e.offset, end) });
      })
      .sort(byStart);
    var stack = [{ node: root, end: text.length }];
    var pos = 0;
    var i = 0;
    while (pos < text.length) {
      var top = stack[stack.length - 1];
      while (stack.length > 1 && top.end <= pos) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      if (i < pending.length && pending[i].offset <= pos) {
        var entity = pending[i];
        i += 1;
        if (entity.end <= pos) continue;
        var end = entity.end;
        if (end > top.end) {
          // Crosses the end of its parent: close it there and reopen the rest after.
          insertSorted(pending, i, Object.assign({}, entity, { offset: top.end }));
          end = top.end;
        }
        var made = entityNodes(entity);
        top.node.append(made.outer);
        stack.push({ node: made.inner, end: end });
        continue;
      }
      var next = Math.min(top.end, i < pending.length ? pending[i].offset : text.length);
      top.node.append(document.createTextNode(text.slice(pos, next)));
      pos = next;
    }
    return root;
  }

  function byStart(a, b) { return a.offset - b.offset || b.end - a.end; }

  function insertSorted(list, from, item) {
    var at = from;
    while (at < list.length && byStart(list[at], item) <= 0) at += 1;
    list.splice(at, 0, item);
  }

  // ---- Messages ----

  var NON_TEXT = { sticker: "👍 Sticker", photo: "🖼 Photo", location: "📍 Location" };

  function formatTime(unixSeconds) {
    return new Date(unixSeconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }

  function keyboardNode(message) {
    var board = el("div", "keyboard");
    board.setAttribute("data-testid", "keyboard");
    message.reply_markup.inline_keyboard.forEach(function (buttons) {
      var line = el("div", "keyboard-row");
      buttons.forEach(function (button) {
        var node;
        if (typeof button.url === "string") {
          node = linkTo(button.url);
          node.className = "keyboard-button";
          node.textContent = button.text + " ↗";
        } else if (typeof button.callback_data === "string") {
          node = el("button", "keyboard-button");
          node.type = "button";
          node.textContent = button.text;
          node.setAttribute("data-callback", button.callback_data);
          node.addEventListener("click", function () {
            press(message.message_id, button.callback_data, node);
          });
        } else {
          node = el("button", "keyboard-button");
          node.type = "button";
          node.disabled = true;
          node.textContent = button.text;
          node.title = "This kind of button is not part of the demo";
        }
        node.setAttribute("data-testid", "keyboard-button");
        line.append(node);
      });
      board.append(line);
    });
    return board;
  }

  function fillRow(row, message) {
    row.className = "row " + (message.from === "bot" ? "from-bot" : "from-user");
    row.setAttribute("data-message-id", String(message.message_id));
    row.setAttribute("data-from", message.from);
    var bubble = el("div", "bubble");
    var body = el("div", "text");
    body.setAttribute("data-testid", "message-text");
    if (message.kind && message.kind !== "text") body.textContent = NON_TEXT[message.kind] || message.kind;
    else body.append(renderFormatted(message.text, message.entities));
    var meta = el("span", "meta");
    if (message.edits > 0) {
      var edited = el("span", "edited");
      edited.setAttribute("data-testid", "edited");
      edited.textContent = "edited ";
      meta.append(edited);
    }
    meta.append(formatTime(message.edit_date || message.date));
    body.append(meta);
    bubble.append(body);
    var children = [bubble];
    var markup = message.reply_markup;
    if (markup && Array.isArray(markup.inline_keyboard) && markup.inline_keyboard.length > 0) {
      children.push(keyboardNode(message));
    }
    row.replaceChildren.apply(row, children);
  }

  function isNearBottom() {
    var box = els.messages;
    return box.scrollHeight - box.scrollTop - box.clientHeight < 160;
  }

  function scrollToBottom() { els.messages.scrollTop = els.messages.scrollHeight; }

  function upsert(message, kind) {
    var stick = isNearBottom() || message.from === "user";
    var row = rows.get(message.message_id);
    if (row === undefined) {
      row = el("div");
      row.setAttribute("data-testid", "message");
      rows.set(message.message_id, row);
      fillRow(row, message);
      els.messages.append(row);
    } else {
      fillRow(row, message);
      if (kind === "edit") {
        row.classList.remove("flash");
        void row.offsetWidth;
        row.classList.add("flash");
      }
    }
    els.empty.hidden = rows.size > 0;
    if (stick && kind !== "edit") scrollToBottom();
  }

  function remove(message) {
    var row = rows.get(message.message_id);
    if (row) row.remove();
    rows.delete(message.message_id);
    els.empty.hidden = rows.size > 0;
  }

  function resetChat(messages) {
    rows.forEach(function (row) { row.remove(); });
    rows.clear();
    messages.forEach(function (message) { upsert(message, "message"); });
    els.empty.hidden = rows.size > 0;
    scrollToBottom();
  }

  // ---- Actions ----

  function sendText(text) {
    var value = text.trim();
    if (value === "") return Promise.resolve(false);
    return api("POST", "/api/send", { text: value }).then(
      function () { return true; },
      function (error) {
        showToast(error.message, { error: true });
        return false;
      },
    );
  }

  function press(messageId, data, node) {
    if (node.classList.contains("pending")) return;
    node.classList.add("pending");
    api("POST", "/api/press", { messageId: messageId, data: data })
      .then(function (result) {
        if (result && result.answer) showToast(result.answer.text, { alert: result.answer.showAlert });
      })
      .catch(function (error) { showToast(error.message, { error: true }); })
      .finally(function () { node.classList.remove("pending"); });
  }

  function setLanguageUi(code) {
    languageButtons.forEach(function (button) {
      button.setAttribute("aria-checked", String(button.getAttribute("data-lang") === code));
    });
  }

  function setMenu(list) {
    commands = Array.isArray(list) ? list : [];
    els.menuButton.hidden = commands.length === 0;
    if (!els.menu.hidden) renderMenu();
  }

  function menuMatches() {
    var typed = els.input.value;
    if (!/^\\/[a-z0-9_]*$/i.test(typed)) return commands;
    var prefix = typed.slice(1).toLowerCase();
    return commands.filter(function (c) { return c.command.indexOf(prefix) === 0; });
  }

  function renderMenu() {
    var list = menuMatches();
    var items = list.map(function (entry, index) {
      var item = el("button", "command-item" + (index === activeMenuIndex ? " active" : ""));
      item.type = "button";
      item.setAttribute("role", "option");
      item.setAttribute("data-testid", "command-item");
      item.setAttribute("data-command", entry.command);
      var name = el("span", "name");
      name.textContent = "/" + entry.command;
      var description = el("span", "description");
      description.textContent = entry.description;
      item.append(name, description);
      item.addEventListener("click", function () { chooseCommand(entry.command); });
      return item;
    });
    els.menu.replaceChildren.apply(els.menu, items);
    els.menu.hidden = items.length === 0;
    els.menuButton.setAttribute("aria-expanded", String(!els.menu.hidden));
  }

  function openMenu() { activeMenuIndex = -1; renderMenu(); }
  function closeMenu() {
    els.menu.hidden = true;
    els.menuButton.setAttribute("aria-expanded", "false");
  }

  function chooseCommand(command) {
    els.input.value = "/" + command + " ";
    closeMenu();
    autosize();
    els.input.focus();
  }

  function autosize() {
    els.input.style.height = "auto";
    els.input.style.height = Math.min(els.input.scrollHeight, 140) + "px";
  }

  function submitInput() {
    var text = els.input.value;
    if (text.trim() === "") return;
    els.input.value = "";
    autosize();
    closeMenu();
    sendText(text).then(function (sent) {
      if (!sent && els.input.value === "") {
        els.input.value = text;
        autosize();
      }
    });
  }

  els.composer.addEventListener("submit", function (event) {
    event.preventDefault();
    submitInput();
  });
  els.input.addEventListener("keydown", function (event) {
    var menuOpen = !els.menu.hidden;
    if (menuOpen && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var count = menuMatches().length;
      if (count > 0) {
        event.preventDefault();
        activeMenuIndex = (activeMenuIndex + (event.key === "ArrowDown" ? 1 : count - 1)) % count;
        renderMenu();
      }
      return;
    }
    if (event.key === "Escape") { closeMenu(); return; }
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      var chosen = menuOpen ? menuMatches()[activeMenuIndex] : undefined;
      if (chosen) chooseCommand(chosen.command);
      else submitInput();
    }
  });
  els.input.addEventListener("input", function () {
    autosize();
    if (/^\\/[a-z0-9_]*$/i.test(els.input.value) && commands.length > 0) openMenu();
    else closeMenu();
  });
  els.menuButton.addEventListener("click", function () {
    if (els.menu.hidden) openMenu();
    else closeMenu();
  });
  document.addEventListener("click", function (event) {
    if (!els.menu.hidden && !els.menu.contains(event.target) && event.target !== els.menuButton &&
      !els.menuButton.contains(event.target) && event.target !== els.input) closeMenu();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !els.menu.hidden) closeMenu();
  });
  els.start.addEventListener("click", function () { sendText("/start"); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-send]"), function (button) {
    button.addEventListener("click", function () { sendText(button.getAttribute("data-send")); });
  });

  languageButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      var code = button.getAttribute("data-lang");
      api("POST", "/api/language", { code: code })
        .then(function (result) {
          setLanguageUi(result.language);
          setMenu(result.commands);
        })
        .catch(function (error) { showToast(error.message, { error: true }); });
    });
  });

  els.publish.addEventListener("click", function () {
    els.publish.disabled = true;
    els.publishStatus.classList.remove("error");
    els.publishStatus.textContent = "Publishing…";
    api("POST", "/api/publish", {})
      .then(function (result) {
        var status = els.publishStatus;
        status.replaceChildren();
        var title = el("strong");
        title.setAttribute("data-testid", "published-title");
        title.textContent = result.article.title;
        status.append("Published: ", title, " — the next push runs within " +
          result.pushIntervalSeconds + " s. It goes to readers following ");
        result.article.topics.forEach(function (topic, index) {
          if (index > 0) status.append(index === result.article.topics.length - 1 ? " or " : ", ");
          var tag = el("span", "topic-tag");
          tag.textContent = "#" + topic;
          status.append(tag);
        });
        status.append(" (tap them under /topics).");
      })
      .catch(function (error) {
        els.publishStatus.classList.add("error");
        els.publishStatus.textContent = "Not published: " + error.message;
      })
      .finally(function () { els.publish.disabled = false; });
  });

  // ---- Live updates ----

  function applyState(state) {
    els.botName.textContent = state.bot.firstName;
    els.botUsername.textContent = "@" + state.bot.username;
    els.avatar.textContent = state.bot.firstName.slice(0, 1).toUpperCase();
    document.title = state.bot.firstName + " — demo chat";
    pushIntervalSeconds = state.pushIntervalSeconds;
    els.pushEvery.textContent = String(pushIntervalSeconds);
    setLanguageUi(state.language);
    setMenu(state.commands);
    resetChat(state.messages);
  }

  function connect() {
    var source = new EventSource("/api/events");
    source.addEventListener("state", function (event) {
      els.subtitle.textContent = "bot";
      els.subtitle.classList.remove("offline");
      document.body.setAttribute("data-ready", "true");
      applyState(JSON.parse(event.data));
    });
    source.addEventListener("chat", function (event) {
      var change = JSON.parse(event.data);
      if (change.kind === "delete") remove(change.message);
      else upsert(change.message, change.kind);
    });
    source.addEventListener("menu", function (event) {
      var menu = JSON.parse(event.data);
      setLanguageUi(menu.language);
      setMenu(menu.commands);
    });
    source.addEventListener("error", function () {
      els.subtitle.textContent = "reconnecting…";
      els.subtitle.classList.add("offline");
    });
  }

  // A chat that was showing its last message keeps showing it when the window resizes.
  var stuckToBottom = true;
  els.messages.addEventListener("scroll", function () { stuckToBottom = isNearBottom(); });
  new ResizeObserver(function () { if (stuckToBottom) scrollToBottom(); }).observe(els.messages);

  connect();
  els.input.focus();
})();
`;

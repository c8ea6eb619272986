## Groups
group-welcome = Hello! I post news briefs here. Group admins choose what comes: /subscribe blockchain (inside a forum topic, to send that topic's briefs there), /topics, /language, /settings. Everyone can use /latest.
group-admins-only = Only this group's administrators can change its settings.
subscribe-done-thread = Following { $topics }: new briefs on them will be posted in this thread.
forum-thread-gone = The thread for { $topics } is closed or deleted: its briefs now come here, in General. An administrator can /subscribe again inside another thread.

## Channels
channel-lost = I can no longer post in channel { $id } (removed, or not allowed to post): its posts are stopped. Its settings are kept; add me back as an administrator allowed to post to resume.
command-channels = Channels you administer: what I post there
channel-added = I am now an administrator of { $title }. Choose its topics below: nothing is posted there until at least one is chosen.
channel-panel =
    📣 <b>{ $title }</b> ({ $id })
    Topics: { $topics }
    Language of the posts: { $language }
    Delivery: { $delivery }
    Link previews: { $previews } · Silent posts: { $silent }
    { $status }
    By text: /channel { $id } subscribe ai · language fr · digest 8 · tz Europe/Paris · instant · previews on · silent on · off
channel-panel-no-topic = none yet
channel-panel-instant = instant, as soon as a brief is published
channel-panel-digest = one daily digest at { $hour } ({ $zone })
channel-on = on
channel-off = off
channel-language-en = 🇬🇧 English
channel-language-fr = 🇫🇷 Français
channel-status-on = ✅ Posting.
channel-status-waiting = ⏸ Nothing is posted until a topic is chosen.
channel-status-off = ⏹ Posting is stopped; choosing a topic starts it again.
channel-button-silent-on = 🔕 Silent posts: on
channel-button-silent-off = 🔔 Silent posts: off
channel-button-off = ⏹ Stop posting
channels-title = Your channels: tap one to open its settings.
channels-none = You administer no channel where I can post. Add @{ $bot } to a channel as an administrator allowed to post messages, then try again.
channel-usage = I did not get “{ $value }”. Write /channel, the channel (@name or its id), then: subscribe <topics> · unsubscribe <topics> · language fr|en · digest <hour> · instant · tz <zone> · previews on|off · silent on|off · off. For example: /channel @my_channel subscribe blockchain
channel-silent-invalid = Say “on” or “off”, e.g. /channel @my_channel silent on. Nothing changed.
channel-refused-not-found = I cannot find the channel { $title }, or I am not in it. Add me to it as an administrator first. Nothing changed.
channel-refused-not-admin = Only administrators of { $title } can change what I post there, and Telegram says you are not one. Nothing changed.
channel-refused-bot-cannot-post = I am not an administrator allowed to post in { $title }. Give me the “Post messages” right, then try again. Nothing changed.

## Statistics
stats-chats = By chat (active / inactive): private { $private } / { $privateOff } · groups { $groups } / { $groupsOff } · channels { $channels } / { $channelsOff }

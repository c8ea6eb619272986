## Groups
group-welcome = Hello! I post news briefs here. Group admins choose what comes: /subscribe blockchain (inside a forum topic, to send that topic's briefs there), /topics, /language, /settings. Everyone can use /latest.
group-admins-only = Only this group's administrators can change its settings.
subscribe-done-thread = Following { $topics }: new briefs on them will be posted in this thread.
forum-thread-gone = The thread for { $topics } is closed or deleted: its briefs now come here, in General. An administrator can /subscribe again inside another thread.

## Channels
channel-lost = I can no longer post in channel { $id } (removed, or not allowed to post): its posts are stopped. Its settings are kept; add me back as an administrator allowed to post to resume.

## Groups
group-welcome = Hello! I post news briefs here. Group admins choose what comes: /subscribe blockchain (inside a forum topic, to send that topic's briefs there), /topics, /language, /settings. Everyone can use /latest.
group-admins-only = Only this group's administrators can change its settings.
subscribe-done-thread = Following { $topics }: new briefs on them will be posted in this thread.
forum-thread-gone = The thread for { $topics } is closed or deleted: its briefs now come here, in General. An administrator can /subscribe again inside another thread.

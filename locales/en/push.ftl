## Daily digest
digest-header =
    📰 <b>Your daily digest</b> · { $date }
    { $count ->
        [one] One new brief for you:
       *[other] { $count } new briefs for you:
    }

## Settings panel (/settings)
settings-title = ⚙️ <b>Delivery settings</b>
settings-mode-instant = Delivery: <b>instant</b>, as soon as a brief is published.
settings-mode-digest = Delivery: <b>one daily digest</b> at { $hour }.
settings-zone = Time zone: { $zone } (your time now: { $time })
settings-quiet-on = Quiet hours: { $start }–{ $end }. Instant pushes wait and arrive when they end.
settings-quiet-off = Quiet hours: off.
settings-previews-on = Link previews: on.
settings-previews-off = Link previews: off.
settings-stopped-note = Pushes are off since /stop; /start turns them back on.
settings-hint = Other zone or times? For example: /settings tz America/Toronto · /settings quiet 22:30-06:45

## Settings buttons
settings-button-selected = ✅ { $label }
settings-button-instant = ⚡ Instant
settings-button-digest = 📰 Daily digest
settings-button-hour = 🕗 Digest at { $hour }
settings-button-zone = 🌍 Time zone
settings-button-quiet = 🌙 Quiet hours
settings-button-previews-on = 🔗 Link previews: on
settings-button-previews-off = 🔗 Link previews: off
settings-button-quiet-off = Off
settings-button-back = ◂ Back

## Settings sub-menus
settings-hour-title = At what time should the daily digest come? (time zone: { $zone })
settings-zone-title = Pick your time zone. Not listed? Send /settings tz and its name, e.g. /settings tz America/Toronto.
settings-quiet-title = During quiet hours, instant pushes wait and arrive when the window ends. Pick one, or send e.g. /settings quiet 22:30-06:45.
settings-saved = Saved.

## /settings with words
settings-zone-set = Time zone set to { $zone }. Your time now: { $time }.
settings-zone-unknown = “{ $value }” is not a time zone I know. Use a name like Europe/Paris, America/New_York or UTC. Nothing changed.
settings-quiet-set = Quiet hours set to { $start }–{ $end }: instant pushes wait until { $end }.
settings-quiet-cleared = Quiet hours off: pushes come at any time.
settings-quiet-invalid = I could not read “{ $value }” as quiet hours. Write it like 22:00-07:00 (start and end must differ), or “off”. Nothing changed.
settings-digest-set = Daily digest at { $hour } ({ $zone }): one message a day with the new briefs on your topics.
settings-hour-invalid = “{ $value }” is not an hour. Give a whole hour from 0 to 23, e.g. /settings digest 8. Nothing changed.
settings-instant-set = Instant delivery: briefs come as soon as they are published.
settings-previews-set-on = Link previews on.
settings-previews-set-off = Link previews off.
settings-previews-invalid = Say “on” or “off”, e.g. /settings previews on. Nothing changed.
settings-usage = I did not get “{ $value }”. Try /settings alone for buttons, or: /settings tz Europe/Paris · /settings quiet 22:00-07:00 (or off) · /settings digest 8 · /settings instant · /settings previews on (or off)

## Admin statistics (/stats)
stats-title = 📊 <b>Briefbot statistics</b>
stats-readers = <b>Readers</b>: { $active } active, { $inactive } inactive (blocked { $blocked } · chat not found { $notFound } · stopped { $stopped })
stats-languages = Active readers by language: English { $en } · French { $fr }
stats-topics-title = <b>Subscribers per topic</b> (active English / French · inactive):
stats-topic-line = { $topic }: { $en } / { $fr } · { $inactive }
stats-pushes = <b>Pushes, last 24 h</b>: { $sent } sent · { $failed } failed
stats-last-run = <b>Last run</b> ({ $when }): { $duration } s, { $sent } sent, { $failed } failed, { $rate } messages/s
stats-no-run = <b>Last run</b>: none has sent anything yet.

## Feedback on pushed briefs (👍 / 👎 / Why?)
feedback-button-up = 👍
feedback-button-down = 👎
feedback-button-why = Why?
command-why = Reply to a brief with it: why you got it
feedback-noted-up = 👍 Noted: briefs like this one come first in your /latest.
feedback-noted-down = 👎 Noted: briefs like this one come later in your /latest. Nothing is hidden unless you /mute it.
feedback-mute-offer = You disliked { $count } briefs from { $source } this week. Mute { $source }? Its briefs would no longer be pushed to you nor shown in /latest (/unmute undoes it).
feedback-mute-source-button = 🔇 Mute { $source }
feedback-source-muted = Muted { $source }: its briefs will no longer be pushed to you nor shown in /latest. /mute lists your mutes.
why-topics = You follow { $topics }.
why-watch = You watch { $terms }.
why-nothing = It matches none of your topics or watched terms any more.
why-source = Source: { $source }.

## Feedback in /stats (last 7 days)
stats-feedback-title = <b>Feedback, last 7 days</b> (👍 / 👎):
stats-feedback-none = No feedback in the last 7 days.
stats-feedback-liked = Most liked: { $items }
stats-feedback-disliked = Most disliked: { $items }
stats-feedback-sources = Sources: { $sources }
feedback-button-share = ↗ Share
feedback-reply-why-none = Reply /why to one of the briefs I pushed you, or tap Why? under it, to see why you got it.

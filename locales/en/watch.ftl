## Watchlist and mutes (/watch, /unwatch, /mute, /unmute)
command-watch = Watch companies, tickers, words (e.g. /watch nvidia)
command-unwatch = Stop watching terms
command-mute = Never get briefs that mention a term
command-unmute = Lift a mute
watch-usage =
    Which names, words or tickers? For example: /watch nvidia "digital euro" $BTC
    Put a phrase in quotes to match it whole. At most { $max } terms of { $length } characters.
mute-usage =
    Which terms should never reach you? For example: /mute memecoin "price prediction"
    Muted terms win over your topics and your watchlist.
unwatch-usage = Which terms? For example: /unwatch nvidia
    You watch: { $terms }
unmute-usage = Which terms? For example: /unmute memecoin
    You mute: { $terms }
watch-list-title =
    👁 Your watchlist ({ $count } of { $max }): briefs that mention these come to you even outside your topics.
    { $terms }
    Tap one to remove it.
mute-list-title =
    🔇 Your mutes ({ $count } of { $max }): briefs that mention these are never pushed to you nor shown in /latest.
    { $terms }
    Tap one to lift it.
watch-list-empty = Your watchlist is empty. Add terms with /watch, e.g. /watch nvidia "digital euro" $BTC
mute-list-empty = You mute nothing. Mute a term with /mute, e.g. /mute memecoin
watch-added = Watching { $terms }. New briefs that mention them will come to you, even outside your topics.
mute-added = Muted { $terms }: briefs that mention them will not be pushed to you nor shown in /latest, even on your topics.
watch-already = You already watch { $terms }.
mute-already = You already mute { $terms }.
watch-left-mute = No longer muted: { $terms }.
mute-left-watch = No longer watched: { $terms }.
watch-full = Your watchlist holds at most { $max } terms and has { $count }: remove some with /unwatch first. Nothing changed.
mute-full = You can mute at most { $max } terms and have { $count }: lift some with /unmute first. Nothing changed.
unwatch-done = No longer watching { $terms }.
unmute-done = No longer muting { $terms }.
unwatch-missing = You were not watching { $terms }.
unmute-missing = You were not muting { $terms }.
term-remove-button = ✖ { $term }
term-removed = Removed { $term }.
term-none = I found no term in that. Write words, a "quoted phrase" or a ticker like $NVDA.
term-problem-html = { $term } looks like HTML: send plain words.
term-problem-too-long = { $term } is longer than { $length } characters.
term-problem-no-letters = { $term } has no letter or digit to look for.
term-nothing-changed = Nothing changed.
push-reason-watch = 👁 { $terms }
latest-header-term = Newest briefs that mention { $terms }:
latest-empty-term = No brief mentions { $terms } yet.
    Topics: { $topics }

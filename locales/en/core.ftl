## Command menu (setMyCommands). Descriptions: 3-256 characters.
command-start = Start the bot and pick topics
command-latest = The 5 newest briefs (e.g. /latest ai)
command-topics = Choose your topics
command-subscribe = Follow topics (e.g. /subscribe blockchain)
command-unsubscribe = Stop following topics
command-settings = Delivery: instant or daily digest, quiet hours
command-language = Change the language
command-help = How to use the bot
command-stop = Stop all pushes

## Start and help
start-greeting = Hello { $name }! 👋
start-intro =
    I send short briefs of tech-finance news: fintech, blockchain, crypto, AI, cloud, 5G, IoT, data centres and regulation.
    Pick topics below and new briefs come to you; /latest shows the newest at any time.
start-commands =
    /latest, newest briefs · /topics, your topics · /settings, delivery · /language, language · /help
start-resumed = Welcome back: pushes are on again for your topics.
start-pick-topics = Tap a topic to follow it:
help =
    <b>Briefbot</b> sends short briefs of tech-finance news in English or French.

    /latest: the 5 newest briefs (from your topics if you follow any)
    /latest blockchain: the newest on one topic
    /topics: follow or leave topics with one tap
    /subscribe ai, cloud: follow topics by name
    /unsubscribe cloud: leave a topic
    /watch nvidia "digital euro" $BTC: briefs that mention these come to you, even outside your topics
    /watch: your watchlist, a tap removes a term (/unwatch nvidia works too)
    /mute memecoin: never get briefs that mention it (/mute alone lists them, /unmute lifts one)
    /latest nvidia: the newest briefs that mention a term
    /settings: instant pushes or a daily digest, quiet hours, link previews
    /language: English or French
    /stop: stop all pushes (/start resumes)
    /export: everything I keep about you, as JSON
    /deletedata: erase it all (asks first)
    /why, as a reply to a brief I pushed: why you got it (reacting 👍 or 👎 to it counts as a vote)
    In any chat, type my @username and a few words to share a brief

    Topics: { $topics }

## Latest
latest-empty = No briefs yet. New ones arrive as they are published.
latest-empty-topic = No briefs on { $topic } yet.
latest-more = Older briefs ▸
latest-no-more = That was the oldest brief.
latest-header-topic = Newest on { $topic }:
latest-header-yours = Newest on your topics:
latest-header-all = Newest briefs:

## Briefs
brief-read-more = Read the article
brief-original-fr = 🇫🇷 Original in French
brief-original-en = 🇬🇧 Original in English
brief-flag-fr = 🇫🇷
brief-flag-en = 🇬🇧
# Before the other outlets that ran the same story, each a link to its article.
brief-also = Also:

## Topics
topics-title = <b>Your topics</b>: tap to follow ✅ or leave ▫️.
topics-none = You follow no topic yet: /latest shows everything.
topics-following = You follow: { $topics }.
topic-button-on = ✅ { $name }
topic-button-off = ▫️ { $name }
topic-followed = Following { $name }.
topic-left = Left { $name }.
topic-fintech = Fintech
topic-fintech-aliases = financial technology, payments, neobank, neobanks
topic-blockchain = Blockchain
topic-blockchain-aliases = distributed ledger, dlt, web3
topic-crypto = Crypto
topic-crypto-aliases = cryptocurrency, cryptocurrencies, bitcoin, ethereum, stablecoin, stablecoins, digital assets
topic-ai = AI
topic-ai-aliases = artificial intelligence, machine learning, genai
topic-cloud = Cloud
topic-cloud-aliases = cloud computing
topic-5g = 5G
topic-5g-aliases = mobile networks, telecom, telecoms
topic-iot = IoT
topic-iot-aliases = internet of things, connected devices
topic-datacenters = Data centres
topic-datacenters-aliases = data centers, data center, data centre, datacenter, datacentre
topic-regulation = Regulation
topic-regulation-aliases = regulations, regulators, compliance, law

## Subscribe and unsubscribe
subscribe-usage = Which topics? For example: /subscribe blockchain, ai
    Topics: { $topics }
unsubscribe-usage = Which topics? For example: /unsubscribe cloud
    You follow: { $topics }
subscribe-unknown = I don't know { $words }. Nothing changed.
    Topics: { $topics }
subscribe-done = Following { $topics }. New briefs on them will come to you.
subscribe-already = You already follow { $topics }.
unsubscribe-done = Left { $topics }.
unsubscribe-not-following = You don't follow { $topics }.

## Language
language-choose = Choose your language:
language-changed = Language set to English. Briefs come in English when available.
language-unknown = Unknown language "{ $value }". Choose: en or fr.

## Stop
stop-done = Done: you follow no topic and get no pushes. /start to come back.
stop-already = Pushes are already off. /start to come back.

## Fallback and errors
unhandled = I did not get that. Try /latest, /topics or /help.
unhandled-command = Unknown command. Try /latest, /topics or /help.
unhandled-non-text = I only read text. Try /latest or /help.
callback-stale = This button has expired. Send the command again.
error-generic = Sorry, something went wrong on my side. Please try again in a moment.
private-only = Chat with me in private to use this.

## Admin sources (/sources, /addsource, /removesource)
sources-title = 🗞 <b>Newsroom sources</b> ({ $count })
sources-empty = No sources yet. Add one with /addsource https://example.com/feed.xml
sources-line = • <b>{ $name }</b>
    { $url }
sources-health = Last success: { $last } · items in the last 24 h: { $items }
sources-never = never
sources-failing = ⚠️ { $failures ->
        [one] 1 failure in a row
       *[other] { $failures } failures in a row
    }: { $error }
sources-left-out = { $count ->
        [one] 1 entry of sources.json is left out (see the log).
       *[other] { $count } entries of sources.json are left out (see the log).
    }
sources-broken = ⚠️ sources.json cannot be read: { $detail }
addsource-usage = Give the address of a feed or a page: /addsource https://example.com/feed.xml
addsource-added-feed = ✅ Added the feed <b>{ $name }</b>: { $url }
addsource-added-via = (advertised by { $via })
addsource-added-page = ✅ Added the page <b>{ $name }</b>: { $url }
removesource-usage = Give the address to remove, as /sources lists it: /removesource https://example.com/feed.xml
removesource-removed = 🗑 Removed { $url }. Its articles stay in the store.
source-refused-invalid-url = “{ $url }” is not an http(s) address. Example: https://example.com/feed.xml
source-refused-unreachable = { $url } cannot be reached ({ $detail }). Nothing was added.
source-refused-not-a-feed = { $url } is neither an RSS/Atom feed nor an article page ({ $detail }). Nothing was added.
source-refused-duplicate = { $url } is already a source.
source-refused-not-found = { $url } is not a source; /sources lists them.
source-refused-broken-file = sources.json cannot be edited: { $detail }

## Alerts to admins
newsroom-alert-failing = ⚠️ Source failing for a day: { $source } ({ $url })
    Failing since { $since }. Last error: { $error }
    It is retried with backoff; you will hear when it recovers.
newsroom-alert-recovered = ✅ Source back: { $source } ({ $url }) answers again.

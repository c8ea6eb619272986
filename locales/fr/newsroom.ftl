## Sources (administration : /sources, /addsource, /removesource)
sources-title = 🗞 <b>Sources de la rédaction</b> ({ $count })
sources-empty = Aucune source pour l’instant. Ajoutez-en une avec /addsource https://example.com/feed.xml
sources-line = • <b>{ $name }</b>
    { $url }
sources-health = Dernier succès : { $last } · articles sur 24 h : { $items }
sources-never = jamais
sources-failing = ⚠️ { $failures ->
        [one] 1 échec d’affilée
       *[other] { $failures } échecs d’affilée
    } : { $error }
sources-left-out = { $count ->
        [one] 1 entrée de sources.json est ignorée (voir le journal).
       *[other] { $count } entrées de sources.json sont ignorées (voir le journal).
    }
sources-broken = ⚠️ sources.json est illisible : { $detail }
addsource-usage = Donnez l’adresse d’un flux ou d’une page : /addsource https://example.com/feed.xml
addsource-added-feed = ✅ Flux <b>{ $name }</b> ajouté : { $url }
addsource-added-via = (annoncé par { $via })
addsource-added-page = ✅ Page <b>{ $name }</b> ajoutée : { $url }
removesource-usage = Donnez l’adresse à retirer, telle que /sources l’affiche : /removesource https://example.com/feed.xml
removesource-removed = 🗑 { $url } retirée. Ses articles restent dans la base.
source-refused-invalid-url = « { $url } » n’est pas une adresse http(s). Exemple : https://example.com/feed.xml
source-refused-unreachable = { $url } est injoignable ({ $detail }). Rien n’a été ajouté.
source-refused-not-a-feed = { $url } n’est ni un flux RSS/Atom ni une page d’article ({ $detail }). Rien n’a été ajouté.
source-refused-duplicate = { $url } fait déjà partie des sources.
source-refused-not-found = { $url } ne fait pas partie des sources ; /sources les liste.
source-refused-broken-file = Impossible de modifier sources.json : { $detail }

## Alertes aux administrateurs
newsroom-alert-failing = ⚠️ Source en échec depuis un jour : { $source } ({ $url })
    En échec depuis le { $since }. Dernière erreur : { $error }
    Elle est réessayée à intervalles croissants ; vous serez prévenu quand elle répondra de nouveau.
newsroom-alert-recovered = ✅ Source rétablie : { $source } ({ $url }) répond de nouveau.

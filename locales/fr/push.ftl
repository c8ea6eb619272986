## Résumé du jour
digest-header =
    📰 <b>Votre résumé du jour</b> · { $date }
    { $count ->
        [one] Un nouveau brief pour vous :
       *[other] { $count } nouveaux briefs pour vous :
    }

## Panneau des réglages (/settings)
settings-title = ⚙️ <b>Réglages de réception</b>
settings-mode-instant = Réception : <b>immédiate</b>, dès qu'un brief est publié.
settings-mode-digest = Réception : <b>un résumé par jour</b> à { $hour }.
settings-zone = Fuseau horaire : { $zone } (chez vous, il est { $time })
settings-quiet-on = Heures calmes : { $start }–{ $end }. Les envois immédiats attendent et arrivent à la fin de la plage.
settings-quiet-off = Heures calmes : désactivées.
settings-previews-on = Aperçus des liens : activés.
settings-previews-off = Aperçus des liens : désactivés.
settings-stopped-note = Les envois sont arrêtés depuis /stop ; /start les relance.
settings-hint = Un autre fuseau ou d'autres horaires ? Par exemple : /settings tz America/Toronto · /settings quiet 22:30-06:45

## Boutons des réglages
settings-button-selected = ✅ { $label }
settings-button-instant = ⚡ Immédiat
settings-button-digest = 📰 Résumé du jour
settings-button-hour = 🕗 Résumé à { $hour }
settings-button-zone = 🌍 Fuseau horaire
settings-button-quiet = 🌙 Heures calmes
settings-button-previews-on = 🔗 Aperçus des liens : oui
settings-button-previews-off = 🔗 Aperçus des liens : non
settings-button-quiet-off = Désactivées
settings-button-back = ◂ Retour

## Sous-menus des réglages
settings-hour-title = À quelle heure voulez-vous recevoir le résumé du jour ? (fuseau : { $zone })
settings-zone-title = Choisissez votre fuseau horaire. Il n'est pas dans la liste ? Envoyez /settings tz suivi de son nom, par exemple /settings tz America/Toronto.
settings-quiet-title = Pendant les heures calmes, les envois immédiats attendent et arrivent à la fin de la plage. Choisissez-en une, ou envoyez par exemple /settings quiet 22:30-06:45.
settings-saved = C'est enregistré.

## /settings avec des mots
settings-zone-set = Fuseau horaire réglé sur { $zone }. Chez vous, il est { $time }.
settings-zone-unknown = Je ne connais pas le fuseau horaire « { $value } ». Utilisez un nom comme Europe/Paris, America/Montreal ou UTC. Rien n'a changé.
settings-quiet-set = Heures calmes réglées sur { $start }–{ $end } : les envois immédiats attendent jusqu'à { $end }.
settings-quiet-cleared = Heures calmes désactivées : les envois arrivent à toute heure.
settings-quiet-invalid = Je n'ai pas compris « { $value } » comme heures calmes. Écrivez par exemple 22:00-07:00 (le début et la fin doivent différer), ou « off ». Rien n'a changé.
settings-digest-set = Résumé du jour à { $hour } ({ $zone }) : un message par jour avec les nouveaux briefs de vos thèmes.
settings-hour-invalid = « { $value } » n'est pas une heure. Donnez une heure pleine de 0 à 23, par exemple /settings digest 8. Rien n'a changé.
settings-instant-set = Réception immédiate : les briefs arrivent dès leur publication.
settings-previews-set-on = Aperçus des liens activés.
settings-previews-set-off = Aperçus des liens désactivés.
settings-previews-invalid = Répondez « on » ou « off », par exemple /settings previews on. Rien n'a changé.
settings-usage = Je n'ai pas compris « { $value } ». Envoyez /settings seul pour les boutons, ou : /settings tz Europe/Paris · /settings quiet 22:00-07:00 (ou off) · /settings digest 8 · /settings instant · /settings previews on (ou off)

## Statistiques d'administration (/stats)
stats-title = 📊 <b>Statistiques de Briefbot</b>
stats-readers = <b>Lecteurs</b> : { $active } actifs, { $inactive } inactifs (bloqué { $blocked } · conversation introuvable { $notFound } · arrêté { $stopped })
stats-languages = Lecteurs actifs par langue : anglais { $en } · français { $fr }
stats-topics-title = <b>Abonnés par thème</b> (actifs anglais / français · inactifs) :
stats-topic-line = { $topic } : { $en } / { $fr } · { $inactive }
stats-pushes = <b>Envois, dernières 24 h</b> : { $sent } envoyés · { $failed } en échec
stats-last-run = <b>Dernière tournée</b> ({ $when }) : { $duration } s, { $sent } envoyés, { $failed } en échec, { $rate } messages/s
stats-no-run = <b>Dernière tournée</b> : aucune n'a encore rien envoyé.

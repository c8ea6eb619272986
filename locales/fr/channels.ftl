## Groupes
group-welcome = Bonjour ! Je publie ici des briefs d'actualité. Les administrateurs du groupe choisissent ce qui arrive : /subscribe blockchain (dans un sujet du forum, pour y envoyer les briefs de ce thème), /topics, /language, /settings. Tout le monde peut utiliser /latest.
group-admins-only = Seuls les administrateurs de ce groupe peuvent changer ses réglages.
subscribe-done-thread = Vous suivez { $topics } : les nouveaux briefs sur ces thèmes seront publiés dans ce sujet.
forum-thread-gone = Le sujet de { $topics } est fermé ou supprimé : ses briefs arrivent désormais ici, dans Général. Un administrateur peut refaire /subscribe dans un autre sujet.

## Chaînes
channel-lost = Je ne peux plus publier dans la chaîne { $id } (retiré, ou sans le droit de publier) : ses publications sont arrêtées. Ses réglages sont gardés ; remettez-moi administrateur avec le droit de publier pour reprendre.
command-channels = Vos chaînes : ce que j'y publie
channel-added = Je suis maintenant administrateur de { $title }. Choisissez ses thèmes ci-dessous : rien n'y est publié tant qu'aucun n'est choisi.
channel-panel =
    📣 <b>{ $title }</b> ({ $id })
    Thèmes : { $topics }
    Langue des publications : { $language }
    Envoi : { $delivery }
    Aperçus des liens : { $previews } · Publications silencieuses : { $silent }
    { $status }
    Par écrit : /channel { $id } subscribe ia · language en · digest 8 · tz Europe/Paris · instant · previews on · silent on · off
channel-panel-no-topic = aucun pour l'instant
channel-panel-instant = immédiat, dès qu'un brief est publié
channel-panel-digest = un résumé quotidien à { $hour } ({ $zone })
channel-on = activés
channel-off = désactivés
channel-language-en = 🇬🇧 English
channel-language-fr = 🇫🇷 Français
channel-status-on = ✅ Publication en cours.
channel-status-waiting = ⏸ Rien n'est publié tant qu'aucun thème n'est choisi.
channel-status-off = ⏹ Publication arrêtée ; choisir un thème la relance.
channel-button-silent-on = 🔕 Publications silencieuses : oui
channel-button-silent-off = 🔔 Publications silencieuses : non
channel-button-off = ⏹ Arrêter de publier
channels-title = Vos chaînes : touchez-en une pour ouvrir ses réglages.
channels-none = Vous n'administrez aucune chaîne où je peux publier. Ajoutez @{ $bot } à une chaîne comme administrateur avec le droit de publier, puis réessayez.
channel-usage = Je n'ai pas compris « { $value } ». Écrivez /channel, la chaîne (@nom ou son identifiant), puis : subscribe <thèmes> · unsubscribe <thèmes> · language fr|en · digest <heure> · instant · tz <fuseau> · previews on|off · silent on|off · off. Par exemple : /channel @ma_chaine subscribe blockchain
channel-silent-invalid = Dites « on » ou « off », par exemple /channel @ma_chaine silent on. Rien n'a changé.
channel-refused-not-found = Je ne trouve pas la chaîne { $title }, ou je n'y suis pas. Ajoutez-moi d'abord comme administrateur. Rien n'a changé.
channel-refused-not-admin = Seuls les administrateurs de { $title } peuvent changer ce que j'y publie, et Telegram indique que vous n'en êtes pas. Rien n'a changé.
channel-refused-bot-cannot-post = Je ne suis pas administrateur avec le droit de publier dans { $title }. Donnez-moi le droit « Publier des messages », puis réessayez. Rien n'a changé.

## Statistiques
stats-chats = Par discussion (actives / inactives) : privées { $private } / { $privateOff } · groupes { $groups } / { $groupsOff } · chaînes { $channels } / { $channelsOff }

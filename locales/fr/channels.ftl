## Groupes
group-welcome = Bonjour ! Je publie ici des briefs d'actualité. Les administrateurs du groupe choisissent ce qui arrive : /subscribe blockchain (dans un sujet du forum, pour y envoyer les briefs de ce thème), /topics, /language, /settings. Tout le monde peut utiliser /latest.
group-admins-only = Seuls les administrateurs de ce groupe peuvent changer ses réglages.
subscribe-done-thread = Vous suivez { $topics } : les nouveaux briefs sur ces thèmes seront publiés dans ce sujet.
forum-thread-gone = Le sujet de { $topics } est fermé ou supprimé : ses briefs arrivent désormais ici, dans Général. Un administrateur peut refaire /subscribe dans un autre sujet.

## Chaînes
channel-lost = Je ne peux plus publier dans la chaîne { $id } (retiré, ou sans le droit de publier) : ses publications sont arrêtées. Ses réglages sont gardés ; remettez-moi administrateur avec le droit de publier pour reprendre.

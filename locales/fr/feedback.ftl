## Avis sur les briefs envoyés (👍 / 👎 / Pourquoi ?)
feedback-button-up = 👍
feedback-button-down = 👎
feedback-button-why = Pourquoi ?
command-why = En réponse à un brief : pourquoi vous l’avez reçu
feedback-noted-up = 👍 C'est noté : les briefs de ce genre passent en tête de votre /latest.
feedback-noted-down = 👎 C'est noté : les briefs de ce genre passent après les autres dans votre /latest. Rien n'est masqué sans /mute.
feedback-mute-offer = Vous n'avez pas aimé { $count } briefs de { $source } cette semaine. Mettre { $source } en sourdine ? Ses briefs ne vous seraient plus envoyés ni montrés dans /latest (/unmute pour revenir en arrière).
feedback-mute-source-button = 🔇 Mettre { $source } en sourdine
feedback-source-muted = { $source } est en sourdine : ses briefs ne vous seront plus envoyés ni montrés dans /latest. /mute liste vos sourdines.
why-topics = Vous suivez { $topics }.
why-watch = Vous surveillez { $terms }.
why-nothing = Il ne correspond plus à aucun de vos thèmes ni de vos termes surveillés.
why-source = Source : { $source }.

## Avis dans /stats (7 derniers jours)
stats-feedback-title = <b>Avis, 7 derniers jours</b> (👍 / 👎) :
stats-feedback-none = Aucun avis ces 7 derniers jours.
stats-feedback-liked = Les plus appréciés : { $items }
stats-feedback-disliked = Les moins appréciés : { $items }
stats-feedback-sources = Sources : { $sources }
feedback-button-share = ↗ Partager
feedback-reply-why-none = Répondez /why à l’un des briefs que je vous ai envoyés, ou touchez Pourquoi ? dessous, pour savoir pourquoi vous l’avez reçu.

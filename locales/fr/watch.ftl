## Liste de veille et sourdines (/watch, /unwatch, /mute, /unmute)
command-watch = Surveiller entreprises, symboles, mots (ex. /watch nvidia)
command-unwatch = Ne plus surveiller des termes
command-mute = Ne jamais recevoir les briefs qui citent un terme
command-unmute = Lever une sourdine
watch-usage =
    Quels noms, mots ou symboles boursiers ? Par exemple : /watch nvidia "euro numérique" $BTC
    Mettez une expression entre guillemets pour la chercher telle quelle. Au plus { $max } termes de { $length } caractères.
mute-usage =
    Quels termes ne doivent jamais vous parvenir ? Par exemple : /mute memecoin "prévision de cours"
    Les termes en sourdine l'emportent sur vos thèmes et votre liste de veille.
unwatch-usage = Quels termes ? Par exemple : /unwatch nvidia
    Vous surveillez : { $terms }
unmute-usage = Quels termes ? Par exemple : /unmute memecoin
    En sourdine : { $terms }
watch-list-title =
    👁 Votre liste de veille ({ $count } sur { $max }) : les briefs qui citent ces termes vous arrivent, même hors de vos thèmes.
    { $terms }
    Touchez un terme pour le retirer.
mute-list-title =
    🔇 Vos sourdines ({ $count } sur { $max }) : les briefs qui citent ces termes ne vous sont jamais envoyés ni montrés dans /latest.
    { $terms }
    Touchez un terme pour lever sa sourdine.
watch-list-empty = Votre liste de veille est vide. Ajoutez des termes avec /watch, par exemple /watch nvidia "euro numérique" $BTC
mute-list-empty = Aucun terme en sourdine. Pour en ajouter un : /mute memecoin
watch-added = Vous surveillez { $terms }. Les nouveaux briefs qui les citent vous arriveront, même hors de vos thèmes.
mute-added = En sourdine : { $terms }. Les briefs qui les citent ne vous seront plus envoyés ni montrés dans /latest, même sur vos thèmes.
watch-already = Vous surveillez déjà { $terms }.
mute-already = Déjà en sourdine : { $terms }.
watch-left-mute = Sourdine levée : { $terms }.
mute-left-watch = Retiré de la liste de veille : { $terms }.
watch-full = Votre liste de veille compte au plus { $max } termes et en a { $count } : retirez-en avec /unwatch d'abord. Rien n'a changé.
mute-full = Vous pouvez mettre au plus { $max } termes en sourdine et en avez { $count } : levez-en avec /unmute d'abord. Rien n'a changé.
unwatch-done = Vous ne surveillez plus { $terms }.
unmute-done = Sourdine levée : { $terms }.
unwatch-missing = Vous ne surveilliez pas { $terms }.
unmute-missing = Pas en sourdine : { $terms }.
term-remove-button = ✖ { $term }
term-removed = Retiré : { $term }.
term-none = Je n'ai trouvé aucun terme. Écrivez des mots, une "expression entre guillemets" ou un symbole comme $NVDA.
term-problem-html = { $term } ressemble à du HTML : envoyez des mots simples.
term-problem-too-long = { $term } dépasse { $length } caractères.
term-problem-no-letters = { $term } ne contient ni lettre ni chiffre à chercher.
term-nothing-changed = Rien n'a changé.
push-reason-watch = 👁 { $terms }
latest-header-term = Derniers briefs qui citent { $terms } :
latest-empty-term = Aucun brief ne cite encore { $terms }.
    Thèmes : { $topics }

## Menu des commandes (setMyCommands). Descriptions : 3 à 256 caractères.
command-start = Démarrer le bot et choisir des thèmes
command-latest = Les 5 derniers briefs (ex. /latest ia)
command-topics = Choisir vos thèmes
command-subscribe = Suivre des thèmes (ex. /subscribe blockchain)
command-unsubscribe = Ne plus suivre des thèmes
command-settings = Réception : immédiate ou résumé du jour, heures calmes
command-language = Changer de langue
command-help = Mode d'emploi
command-stop = Arrêter tous les envois

## Démarrage et aide
start-greeting = Bonjour { $name } ! 👋
start-intro =
    J'envoie des briefs courts sur l'actualité tech et finance : fintech, blockchain, crypto, IA, cloud, 5G, IoT, centres de données et régulation.
    Choisissez vos thèmes ci-dessous et les nouveaux briefs vous arrivent ; /latest montre les derniers à tout moment.
start-commands =
    /latest, derniers briefs · /topics, vos thèmes · /settings, réception · /language, langue · /help
start-resumed = Bon retour : les envois reprennent pour vos thèmes.
start-pick-topics = Touchez un thème pour le suivre :
help =
    <b>Briefbot</b> envoie des briefs courts sur l'actualité tech et finance, en français ou en anglais.

    /latest : les 5 derniers briefs (de vos thèmes si vous en suivez)
    /latest blockchain : les derniers sur un thème
    /topics : suivre ou quitter des thèmes d'un geste
    /subscribe ia, cloud : suivre des thèmes par leur nom
    /unsubscribe cloud : quitter un thème
    /watch nvidia "euro numérique" $BTC : les briefs qui les citent vous arrivent, même hors de vos thèmes
    /watch : votre liste de veille, un geste retire un terme (ou /unwatch nvidia)
    /mute memecoin : ne jamais recevoir les briefs qui le citent (/mute seul les liste, /unmute lève une sourdine)
    /latest nvidia : les derniers briefs qui citent un terme
    /settings : envoi immédiat ou résumé du jour, heures calmes, aperçus de liens
    /language : français ou anglais
    /stop : arrêter tous les envois (/start pour reprendre)
    /export : tout ce que je garde sur vous, en JSON
    /deletedata : tout effacer (avec confirmation)
    /why, en réponse à un brief que je vous ai envoyé : pourquoi vous l’avez reçu (y réagir par 👍 ou 👎 compte comme un vote)
    Dans n’importe quelle discussion, tapez mon @nom et quelques mots pour partager un brief

    Thèmes : { $topics }

## Derniers briefs
latest-empty = Pas encore de brief. Les nouveaux arrivent dès leur publication.
latest-empty-topic = Pas encore de brief sur { $topic }.
latest-more = Plus anciens ▸
latest-no-more = C'était le plus ancien brief.
latest-header-topic = Derniers briefs sur { $topic } :
latest-header-yours = Derniers briefs sur vos thèmes :
latest-header-all = Derniers briefs :

## Briefs
brief-read-more = Lire l'article
brief-original-fr = 🇫🇷 Original en français
brief-original-en = 🇬🇧 Original en anglais
brief-flag-fr = 🇫🇷
brief-flag-en = 🇬🇧
# Before the other outlets that ran the same story, each a link to its article.
brief-also = Aussi chez

## Thèmes
topics-title = <b>Vos thèmes</b> : touchez pour suivre ✅ ou quitter ▫️.
topics-none = Vous ne suivez aucun thème : /latest montre tout.
topics-following = Vous suivez : { $topics }.
topic-button-on = ✅ { $name }
topic-button-off = ▫️ { $name }
topic-followed = Vous suivez { $name }.
topic-left = Vous ne suivez plus { $name }.
topic-fintech = Fintech
topic-fintech-aliases = technologie financiere, technologies financieres, paiements, neobanque, neobanques
topic-blockchain = Blockchain
topic-blockchain-aliases = chaine de blocs, chaines de blocs, registre distribue, web3
topic-crypto = Crypto
topic-crypto-aliases = cryptomonnaie, cryptomonnaies, crypto-monnaies, cryptoactifs, crypto-actifs, bitcoin, ethereum
topic-ai = IA
topic-ai-aliases = intelligence artificielle, apprentissage automatique, ia generative
topic-cloud = Cloud
topic-cloud-aliases = informatique en nuage, nuage
topic-5g = 5G
topic-5g-aliases = reseaux mobiles, telecoms, telecommunications
topic-iot = IoT
topic-iot-aliases = internet des objets, objets connectes, ido
topic-datacenters = Centres de données
topic-datacenters-aliases = centre de donnees, centres de donnees, datacenters
topic-regulation = Régulation
topic-regulation-aliases = reglementation, regulateurs, conformite, loi

## S'abonner et se désabonner
subscribe-usage = Quels thèmes ? Par exemple : /subscribe blockchain, ia
    Thèmes : { $topics }
unsubscribe-usage = Quels thèmes ? Par exemple : /unsubscribe cloud
    Vous suivez : { $topics }
subscribe-unknown = Je ne connais pas { $words }. Rien n'a changé.
    Thèmes : { $topics }
subscribe-done = Vous suivez { $topics }. Les nouveaux briefs sur ces thèmes vous arriveront.
subscribe-already = Vous suivez déjà { $topics }.
unsubscribe-done = Vous ne suivez plus { $topics }.
unsubscribe-not-following = Vous ne suivez pas { $topics }.

## Langue
language-choose = Choisissez votre langue :
language-changed = Langue : français. Les briefs arrivent en français quand ils existent.
language-unknown = Langue « { $value } » inconnue. Choisissez : en ou fr.

## Arrêt
stop-done = C'est fait : vous ne suivez plus aucun thème et ne recevez plus d'envois. /start pour revenir.
stop-already = Les envois sont déjà coupés. /start pour revenir.

## Repli et erreurs
unhandled = Je n'ai pas compris. Essayez /latest, /topics ou /help.
unhandled-command = Commande inconnue. Essayez /latest, /topics ou /help.
unhandled-non-text = Je ne lis que du texte. Essayez /latest ou /help.
callback-stale = Ce bouton a expiré. Renvoyez la commande.
error-generic = Désolé, un problème de mon côté. Réessayez dans un instant.
private-only = Écrivez-moi en privé pour utiliser ceci.

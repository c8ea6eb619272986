## Vos données (/export, /deletedata)
command-export = Obtenir tout ce que le bot garde sur vous
command-deletedata = Effacer tout ce que le bot garde sur vous
export-intro = Tout ce que je garde sur vous, en JSON : votre langue, vos thèmes, les termes surveillés et en sourdine, vos réglages de réception et l'avancement des envois. Rien d'autre ne vous désigne.
export-nothing = Je ne garde rien sur vous : vous n'avez encore rien réglé.
deletedata-confirm = Effacer tout ce que je garde sur vous (langue, thèmes, termes surveillés et en sourdine, réglages, avancement des envois) ? Les envois s'arrêtent et c'est définitif.
deletedata-button-yes = 🗑 Oui, tout effacer
deletedata-button-no = Annuler
deletedata-done = C'est fait : tout ce que je gardais sur vous est effacé. Si vous m'écrivez à nouveau, vous repartez de zéro.
deletedata-cancelled = Annulé : rien n'a été effacé.
deletedata-nothing = Je ne garde rien sur vous : il n'y a rien à effacer.

## The reader's data (/export, /deletedata)
command-export = Get everything the bot keeps about you
command-deletedata = Erase everything the bot keeps about you
export-intro = Everything I keep about you, as JSON: your language, topics, watched and muted terms, delivery settings and push progress. Nothing else names you.
export-nothing = I keep nothing about you: you have not set anything yet.
deletedata-confirm = Erase everything I keep about you (language, topics, watched and muted terms, settings, push progress)? Pushes stop and this cannot be undone.
deletedata-button-yes = 🗑 Yes, erase everything
deletedata-button-no = Cancel
deletedata-done = Done: everything I kept about you is erased. If you write to me again, you start afresh.
deletedata-cancelled = Cancelled: nothing was erased.
deletedata-nothing = I keep nothing about you: there is nothing to erase.

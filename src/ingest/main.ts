import { runCliEntry } from "../cli-entry.js";
import { runIngestCli } from "./cli.js";

// `npm run ingest -- <source…>`: the only ingest module that touches process.
runCliEntry("ingest", runIngestCli);

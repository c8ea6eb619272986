import { runCliEntry } from "../cli-entry.js";
import { runSourcesCli } from "./sources-cli.js";

// `npm run sources -- …`: the only newsroom module that touches process.
runCliEntry("sources", runSourcesCli);

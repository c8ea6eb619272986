import { Writable } from "node:stream";

/** What a command-line run printed, and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that collects what it receives, for a CLI's stdout or stderr. */
export function sink(): NodeJS.WritableStream & { text(): string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

import { createServer } from "node:net";

/** A loopback TCP port nothing listens on right now (for servers that must be told their port). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
    server.once("error", reject);
  });
}

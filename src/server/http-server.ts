import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<boolean> | boolean;

/**
 * A plain node:http server that tries each handler in turn (a handler returns
 * false to pass) and answers 404 otherwise.
 */
export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(
  handlers: readonly RequestHandler[],
  options: { host: string; port: number },
): Promise<HttpServer> {
  const server = createServer(async (request, response) => {
    try {
      for (const handler of handlers) {
        if (await handler(request, response)) return;
      }
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    } catch {
      if (!response.headersSent) response.writeHead(500).end();
      else response.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

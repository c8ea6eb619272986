/**
 * The benchmark's processes talk over Node's IPC channel with a tiny request/answer
 * protocol. The bot, the emulator (with its load generator) and the orchestrator each
 * get their own process, so on a 2-core machine they do not share one event loop and
 * the bot's memory and start-up are its own.
 */
import { type ChildProcess, fork } from "node:child_process";

// biome-ignore lint/suspicious/noExplicitAny: handler parameter types are checked per API.
type Handlers = Record<string, (params: any) => Promise<unknown>>;

interface Request {
  id: number;
  method: string;
  params: unknown;
}

type Answer = { id: number; result: unknown } | { id: number; error: string };

/** Longest any one call may take before the child is declared stuck. */
const DEFAULT_CALL_TIMEOUT_MS = 10 * 60_000;
/** How long a child gets to exit by itself after "close" before it is killed. */
const EXIT_GRACE_MS = 5_000;

export interface ChildClient<Api extends Handlers> {
  readonly pid: number | undefined;
  /** Rejects if the child exits before close() was asked for (a crash). */
  readonly crashed: Promise<never>;
  call<K extends keyof Api & string>(
    method: K,
    params: Parameters<Api[K]>[0],
    timeoutMs?: number,
  ): Promise<Awaited<ReturnType<Api[K]>>>;
  /** Asks the child to exit, kills it if it does not. */
  close(): Promise<void>;
}

/**
 * Starts `entry` (a .ts file run through tsx, as `npm run bench` runs main.ts).
 * `cpuProfileDir`: write a V8 CPU profile of the child there when it exits.
 * `nodeFlags`: more Node options for the child (e.g. a heap limit).
 */
export function startChild<Api extends Handlers>(
  entry: URL,
  options: { cpuProfileDir?: string; nodeFlags?: readonly string[] } = {},
): ChildClient<Api> {
  const profiling = options.cpuProfileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`]
    : [];
  const child: ChildProcess = fork(entry, [], {
    execArgv: ["--import", "tsx", ...profiling, ...(options.nodeFlags ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let exited = false;
  let closing = false;
  let reportCrash: (error: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    reportCrash = reject;
  });
  crashed.catch(() => undefined);
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      if (!closing) {
        reportCrash(new Error(`benchmark child ${entry.pathname} died (${code ?? signal})`));
      }
      for (const waiter of pending.values()) {
        waiter.reject(new Error(`benchmark child ${entry.pathname} exited (${code ?? signal})`));
      }
      pending.clear();
      resolve();
    });
  });
  child.on("message", (message: Answer) => {
    const waiter = pending.get(message.id);
    if (waiter === undefined) return;
    pending.delete(message.id);
    if ("error" in message) waiter.reject(new Error(message.error));
    else waiter.resolve(message.result);
  });

  return {
    pid: child.pid,
    crashed,
    call(method, params, timeoutMs = DEFAULT_CALL_TIMEOUT_MS) {
      if (exited) return Promise.reject(new Error(`benchmark child already exited (${method})`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`benchmark child: ${method} took over ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value as Awaited<ReturnType<Api[typeof method]>>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        child.send({ id, method, params } satisfies Request);
      });
    },
    async close() {
      closing = true;
      if (exited) return;
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill("SIGKILL"), EXIT_GRACE_MS);
      await exit;
      clearTimeout(timer);
    },
  };
}

/**
 * The child's side: answers requests with `handlers` and exits when the parent
 * disconnects (or dies), so no benchmark process outlives the run.
 */
export function serveParent(handlers: Handlers, onDisconnect: () => Promise<void>): void {
  if (process.send === undefined) {
    throw new Error("this file is a benchmark child process; run `npm run bench` instead");
  }
  const send = (answer: Answer) => process.send?.(answer);
  process.on("message", (request: Request) => {
    const handler = handlers[request.method];
    if (handler === undefined) {
      send({ id: request.id, error: `unknown method ${request.method}` });
      return;
    }
    handler(request.params).then(
      (result) => send({ id: request.id, result }),
      (error: unknown) =>
        send({
          id: request.id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  process.once("disconnect", () => {
    onDisconnect().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("benchmark child: shutdown failed", error);
        process.exit(1);
      },
    );
  });
}

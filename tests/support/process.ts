import { type ChildProcess, spawn } from "node:child_process";
import type { TestDatabase } from "./database.js";
import { useFixture } from "./fixture.js";
import { testServerEnv } from "./server.js";

export interface ServerProcess {
  url: string;
  pid: number;
  /** Every line the process has written so far (JSON log lines, and stderr). */
  output: string[];
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `src/main.ts` as its own process with exactly `env` (plus PATH/HOME), as `npm start` would. */
export function runMain(env: Record<string, string>): {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      output.push(...lines.filter(Boolean));
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output, exited };
}

/**
 * Starts a server process and waits for its start-up log line ("listening on", or "worker
 * started" for `SERVER_ROLE=worker`, whose `url` is then empty).
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const { child, output, exited } = runMain({ ...env, LOG_LEVEL: "info" });
  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    for (const line of output) {
      if (line.includes("listening on")) port = (JSON.parse(line) as { port: number }).port;
      if (line.includes("worker started")) port = 0;
    }
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join("\n")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start in ${timeoutMs} ms:\n${output.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: port ? `http://127.0.0.1:${port}` : "",
    pid: child.pid ?? -1,
    output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A server process on `db` (`testServerEnv(db, env)`) for this file's tests, started in `beforeAll` and killed in `afterAll`. */
export function useServerProcess(db: TestDatabase, env: Record<string, string> = {}): ServerProcess {
  return useFixture(
    "the server process",
    () => startServerProcess(testServerEnv(db, env)),
    (p) => p.stop("SIGKILL"),
  );
}

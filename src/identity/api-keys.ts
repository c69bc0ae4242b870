import { createHash, randomBytes } from "node:crypto";

const PREFIX = "cg_live_";

/** A new organization API key: shown once; only its hash is stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX.length + 6), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function isApiKey(token: string): boolean {
  return token.startsWith(PREFIX);
}

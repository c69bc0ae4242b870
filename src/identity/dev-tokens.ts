import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

/** Claims of a Clerk session token this project reads. */
export interface SessionClaims {
  sub: string;
  azp?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  [claim: string]: unknown;
}

export function generateKeyPair(): KeyPair {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

/**
 * The key pair a development server trusts when CLERK_JWT_KEY is unset, kept under the
 * data folder and made on first use. Never used in production (config requires a real key path).
 */
export function developmentKeyPair(dataDir = ".data/dev-auth"): KeyPair {
  const publicPath = path.join(dataDir, "public.pem");
  const privatePath = path.join(dataDir, "private.pem");
  if (!existsSync(publicPath) || !existsSync(privatePath)) {
    mkdirSync(dataDir, { recursive: true });
    const pair = generateKeyPair();
    writeFileSync(privatePath, pair.privateKey, { mode: 0o600 });
    writeFileSync(publicPath, pair.publicKey);
  }
  return { publicKey: readFileSync(publicPath, "utf8"), privateKey: readFileSync(privatePath, "utf8") };
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/**
 * Signs a token shaped like a Clerk session token (RS256, `sub`, `iat`, `nbf`, `exp`, `sid`).
 * For tests and local development; production tokens come from Clerk.
 */
export function signSessionToken(
  privateKey: string,
  claims: SessionClaims,
  options: { expiresInSeconds?: number; notBeforeOffsetSeconds?: number; now?: number } = {},
): string {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const header = { alg: "RS256", typ: "JWT", kid: "ins_local" };
  const payload = {
    iat: now,
    nbf: now + (options.notBeforeOffsetSeconds ?? 0),
    exp: now + (options.expiresInSeconds ?? 3600),
    iss: "https://clerk.local",
    sid: `sess_${randomUUID()}`,
    ...claims,
  };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createSign("RSA-SHA256").update(input).sign(privateKey);
  return `${input}.${base64url(signature)}`;
}

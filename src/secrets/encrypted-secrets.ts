import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Encrypts an integration's secrets (AES-256-GCM): `iv.tag.ciphertext`, base64url. */
export function encryptSecrets(key: Buffer, secrets: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url")).join(".");
}

/** The inverse of {@link encryptSecrets}; for the code that calls the provider, never for the API. */
export function decryptSecrets(key: Buffer, encrypted: string): Record<string, string> {
  const [iv, tag, ciphertext] = encrypted.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !ciphertext) throw new Error("Malformed encrypted secrets");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8"));
}

/** `{ apiKey: "…abcd" }`: enough to recognise a secret, not to use it. */
export function secretHints(secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets).map(([name, value]) => [name, `…${value.slice(-4)}`]));
}

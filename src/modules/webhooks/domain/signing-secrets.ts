import { decryptSecrets, encryptSecrets } from "../../organizations/integration-secrets.js";
import { generateSigningSecret } from "./signing.js";

/** A subscription's secrets; `previous` signs too until `previous_secret_expires_at`. */
interface SigningSecrets {
  current: string;
  previous?: string;
}

interface StoredSecrets {
  secretsEncrypted: string;
  previousSecretExpiresAt: Date | null;
}

/** Secrets for a new subscription: the secret to show once, and what to store (encrypted with INTEGRATIONS_ENCRYPTION_KEY). */
export function newSigningSecrets(key: Buffer) {
  const secret = generateSigningSecret();
  return {
    secret,
    stored: { secretsEncrypted: encryptSecrets(key, { current: secret }), previousSecretExpiresAt: null },
  };
}

/** A new current secret; the old one keeps signing for `graceMs` (not at all when 0). */
export function rotateSigningSecrets(key: Buffer, stored: StoredSecrets, graceMs: number, now = new Date()) {
  const { current } = opened(key, stored);
  const secret = generateSigningSecret();
  const secrets: SigningSecrets = graceMs > 0 ? { current: secret, previous: current } : { current: secret };
  return {
    secret,
    stored: {
      secretsEncrypted: encryptSecrets(key, { ...secrets }),
      previousSecretExpiresAt: graceMs > 0 ? new Date(now.getTime() + graceMs) : null,
    },
  };
}

/** The secrets that sign a message sent now: the current one, and the previous one during its grace period. */
export function activeSigningSecrets(key: Buffer, stored: StoredSecrets, now = new Date()): string[] {
  const { current, previous } = opened(key, stored);
  return previous && stored.previousSecretExpiresAt && stored.previousSecretExpiresAt > now
    ? [current, previous]
    : [current];
}

function opened(key: Buffer, stored: StoredSecrets): SigningSecrets {
  const { current, previous } = decryptSecrets(key, stored.secretsEncrypted);
  if (!current) throw new Error("The stored webhook secrets have no current secret");
  return { current, previous };
}

import { lookup } from "node:dns";
import { lookup as lookupAsync } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import type { Config } from "../../../config/config.js";

/** Where endpoints may point besides public addresses (WEBHOOK_ALLOWED_HOSTS). */
export type AddressPolicy = Pick<Config["webhooks"], "allowedHosts" | "allowedNetworks">;

/** Addresses no public endpoint has: private, loopback, link-local, shared, multicast and reserved ranges. */
const nonPublic = new BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  nonPublic.addSubnet(address, prefix, "ipv4");
}
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  nonPublic.addSubnet(address, prefix, "ipv6");
}

/** Thrown (through DNS lookup) when an endpoint's address is not allowed. */
export class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

/** The host of a URL as DNS and sockets take it (`[::1]` -> `::1`). */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/** Why `address` (what `host` resolved to) may not be called, or null when it may. IPv4-mapped IPv6 counts as IPv4. */
export function refusal(policy: AddressPolicy, host: string, address: string): string | null {
  if (policy.allowedHosts.has(host.toLowerCase())) return null;
  const family = isIP(address) === 6 ? "ipv6" : "ipv4";
  if (!nonPublic.check(address, family) || policy.allowedNetworks.check(address, family)) return null;
  return `${host === address ? host : `${host} resolves to ${address}, which`} is a private, loopback or link-local address`;
}

/** Checks an endpoint URL when it is saved: null when it resolves to addresses that may be called. */
export async function endpointRefusal(policy: AddressPolicy, url: URL): Promise<string | null> {
  const host = hostOf(url);
  if (isIP(host)) return refusal(policy, host, host);
  if (policy.allowedHosts.has(host)) return null;
  const addresses = await lookupAsync(host, { all: true }).catch(() => []);
  if (!addresses.length) return `${host} does not resolve`;
  return addresses.map((a) => refusal(policy, host, a.address)).find(Boolean) ?? null;
}

/**
 * A DNS lookup for outgoing requests that refuses hosts resolving to addresses the policy
 * does not allow. Checking at connection time, on the address actually used, also stops a
 * host whose DNS answer changed after it was saved (DNS rebinding).
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const refused = addresses.map((a) => refusal(policy, hostname, a.address)).find(Boolean);
      if (refused) return callback(new RefusedAddressError(refused), "", 4);
      if (options.all) return (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses);
      const [first] = addresses;
      return callback(null, first?.address ?? "", first?.family ?? 4);
    });
  };
}

import { isIP } from "node:net";
import type { TrustProxy } from "../config/values.js";

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) as `10.0.0.1`. */
const plain = (address: string) =>
  address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

function isTrusted(trust: TrustProxy & { kind: "networks" }, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && trust.networks.check(address, version === 4 ? "ipv4" : "ipv6");
}

/** Whether the nearest hop (the socket's peer) is a proxy `TRUST_PROXY` believes. */
function isTrustedPeer(trust: TrustProxy, remote: string | null): boolean {
  if (trust.kind === "none") return false;
  if (trust.kind === "networks") return remote !== null && isTrusted(trust, remote);
  return true;
}

/**
 * The client's address: the socket's, unless `TRUST_PROXY` says which proxies in front may name
 * it in `X-Forwarded-For`. Entries are read from the right (the nearest proxy's) and believed only
 * while the hop that added them is trusted, so a client cannot choose its own address by sending
 * the header. Used for the audit log and the anonymous hold limit.
 */
export function clientAddress(
  trust: TrustProxy,
  socketAddress: string | null,
  forwardedFor: string | null,
): string | null {
  const remote = socketAddress ? plain(socketAddress) : null;
  if (trust.kind === "none" || !forwardedFor) return remote;
  const forwarded = forwardedFor
    .split(",")
    .map((entry) => plain(entry.trim()))
    .filter((entry) => isIP(entry) !== 0);
  if (!forwarded.length) return remote;
  if (trust.kind === "all") return forwarded[0] ?? remote;
  // The chain from the nearest hop outwards: the socket, then the header's entries right to left.
  const chain = [remote, ...forwarded.reverse()];
  if (trust.kind === "hops") return chain[Math.min(trust.hops, chain.length - 1)] ?? remote;
  let address = remote;
  for (const next of chain.slice(1)) {
    if (!address || !isTrusted(trust, address)) break;
    address = next;
  }
  return address;
}

/** The first value of a forwarding header, if any. */
const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || undefined;

/**
 * Where the client reached this server (`https://clinic.example`): the request's own URL, unless
 * the socket's peer is a proxy `TRUST_PROXY` believes, whose `X-Forwarded-Host` and
 * `X-Forwarded-Proto` then name it. A client cannot choose the origin of the URLs the server
 * signs for it by sending the headers itself.
 */
export function requestOrigin(trust: TrustProxy, socketAddress: string | null, headers: Headers, url: string): string {
  const own = new URL(url);
  const trusted = isTrustedPeer(trust, socketAddress ? plain(socketAddress) : null);
  const host = (trusted && firstValue(headers.get("x-forwarded-host"))) || own.host;
  const proto = (trusted && firstValue(headers.get("x-forwarded-proto"))) || own.protocol.slice(0, -1);
  return `${proto}://${host}`;
}

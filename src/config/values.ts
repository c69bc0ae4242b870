/** Building blocks of environment variable schemas, shared by the platform's and the modules' sections. */
import { BlockList, isIP } from "node:net";
import { z } from "zod";

export const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
export const positiveInt = z.coerce.number().int().positive();
export const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    })
    .optional();

const durationUnits = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** `5s,5m,2h`: a comma-separated list of durations (ms, s, m, h), in milliseconds. */
export const durations = z
  .string()
  .transform((v) => v.split(",").map((part) => /^\s*(\d+)(ms|s|m|h)\s*$/.exec(part)))
  .refine((matches) => matches.every(Boolean), {
    message: "must be a comma-separated list of durations such as 5s,5m,2h",
  })
  .transform((matches) =>
    matches.map((m) => Number(m?.[1]) * durationUnits[(m?.[2] ?? "ms") as keyof typeof durationUnits]),
  );

/** `example.com,127.0.0.1,10.0.0.0/8`: host names, addresses and CIDR ranges. */
export const hostsAndNetworks = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine(
    (entries) =>
      entries.every((e) => networkOf(e) ?? /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(e)),
    {
      message: "must be a comma-separated list of host names, IP addresses and CIDR ranges",
    },
  );

/**
 * `TRUST_PROXY`: which forwarding proxies' `X-Forwarded-For` is believed. `false` (default): none,
 * the socket's address is the client's; a hop count such as `1`: that many proxies in front;
 * `true`: every hop (only behind a proxy that overwrites the header); or a list of the proxies'
 * addresses and CIDR ranges (`loopback`, `private` name the usual ranges).
 */
export const trustProxy = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .transform((v) => {
    if (v === "false" || v === "0") return { kind: "none" as const };
    if (v === "true") return { kind: "all" as const };
    if (/^\d+$/.test(v)) return { kind: "hops" as const, hops: Number(v) };
    const entries = v
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .flatMap((e) => namedNetworks[e] ?? [e]);
    return { kind: "networks" as const, entries };
  })
  .refine((t) => t.kind !== "networks" || (t.entries.length > 0 && t.entries.every((e) => networkOf(e))), {
    message: "must be false, true, a hop count, or a comma-separated list of IP addresses and CIDR ranges",
  });

const namedNetworks: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** `10.0.0.0/8` or `::1` as an address, prefix and family; undefined when it is neither. */
export function networkOf(entry: string) {
  const [address = "", prefix, extra] = entry.split("/");
  const version = isIP(address);
  if (!version || extra !== undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  return bits >= 0 && bits <= max
    ? { address, prefix: bits, family: version === 4 ? ("ipv4" as const) : ("ipv6" as const) }
    : undefined;
}

export function allowedNetworks(entries: string[]): BlockList {
  const list = new BlockList();
  for (const network of entries.map(networkOf)) {
    if (network) list.addSubnet(network.address, network.prefix, network.family);
  }
  return list;
}

/** What `TRUST_PROXY` trusts: no forwarding header, a number of hops, every hop, or proxies by address. */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "all" }
  | { kind: "hops"; hops: number }
  | { kind: "networks"; networks: BlockList };

export function trustedProxies(
  parsed: { kind: "none" | "all" } | { kind: "hops"; hops: number } | { kind: "networks"; entries: string[] },
): TrustProxy {
  if (parsed.kind === "networks") return { kind: "networks", networks: allowedNetworks(parsed.entries) };
  if (parsed.kind === "hops" && parsed.hops === 0) return { kind: "none" };
  return parsed;
}

import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { clientAddress } from "../../src/http/client-address.js";

const trust = (value?: string) => parseConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;

describe("TRUST_PROXY and the client's address", () => {
  it("ignores X-Forwarded-For by default: the socket's address is the client's", () => {
    expect(clientAddress(trust(), "203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(clientAddress(trust("false"), "::ffff:203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
  });

  it("with a hop count believes that many proxies, from the right", () => {
    expect(clientAddress(trust("1"), "10.0.0.2", "198.51.100.7, 198.51.100.1")).toBe("198.51.100.1");
    expect(clientAddress(trust("2"), "10.0.0.2", "198.51.100.7, 198.51.100.1")).toBe("198.51.100.7");
    expect(clientAddress(trust("5"), "10.0.0.2", "198.51.100.1")).toBe("198.51.100.1");
  });

  it("with addresses believes the header only while the hop that added it is trusted", () => {
    const proxies = trust("10.0.0.0/8");
    expect(clientAddress(proxies, "10.0.0.2", "198.51.100.7, 10.0.0.5")).toBe("198.51.100.7");
    // A client that is not a trusted proxy cannot choose its address by sending the header.
    expect(clientAddress(proxies, "203.0.113.9", "198.51.100.7")).toBe("203.0.113.9");
    expect(clientAddress(trust("loopback"), "127.0.0.1", "not-an-ip")).toBe("127.0.0.1");
  });

  it("refuses a malformed TRUST_PROXY at start-up, naming the variable", () => {
    expect(() => parseConfig({ TRUST_PROXY: "proxy.example.com" })).toThrow(/Invalid environment variable TRUST_PROXY/);
  });
});

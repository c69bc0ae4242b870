import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { clientAddress, requestOrigin } from "../../src/http/client-address.js";

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

  it("takes the origin from X-Forwarded-Host and -Proto only when the socket's peer is a trusted proxy", () => {
    const headers = new Headers({ "x-forwarded-host": "clinic.example, proxy.internal", "x-forwarded-proto": "https" });
    const url = "http://10.0.0.7:4000/graphql";
    expect(requestOrigin(trust(), "10.0.0.2", headers, url)).toBe("http://10.0.0.7:4000");
    expect(requestOrigin(trust("10.0.0.0/8"), "203.0.113.9", headers, url)).toBe("http://10.0.0.7:4000");
    expect(requestOrigin(trust("10.0.0.0/8"), "10.0.0.2", headers, url)).toBe("https://clinic.example");
    expect(requestOrigin(trust("1"), "203.0.113.9", headers, url)).toBe("https://clinic.example");
    expect(requestOrigin(trust("1"), "10.0.0.2", new Headers(), url)).toBe("http://10.0.0.7:4000");
  });

  it("refuses a malformed TRUST_PROXY at start-up, naming the variable", () => {
    expect(() => parseConfig({ TRUST_PROXY: "proxy.example.com" })).toThrow(/Invalid environment variable TRUST_PROXY/);
  });
});

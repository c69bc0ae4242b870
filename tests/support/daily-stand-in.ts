import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { useFixture } from "./fixture.js";

/** One request Daily received, as the tests check it. */
export interface DailyRequest {
  method: string;
  path: string;
  /** The Bearer key it carried, if any. */
  apiKey: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of any shape; the tests' assertions check it.
  body: any;
}

/** A room as Daily answers it (`POST /rooms`, `GET /rooms/:name`). */
export interface DailyRoomObject {
  id: string;
  name: string;
  api_created: boolean;
  privacy: "public" | "private";
  url: string;
  created_at: string;
  config: Record<string, unknown>;
}

export interface DailyStandIn {
  /** The API base URL, as `DAILY_API_URL` or an integration's `apiUrl` takes it (Daily's is `https://api.daily.co/v1`). */
  url: string;
  requests: DailyRequest[];
  /** A domain of its own for an API key: its rooms are `https://<domain>.daily.co/<name>`, visible to that key only. */
  addKey(apiKey: string, domain: string): void;
  /** The rooms of a key's domain that exist now. */
  roomsOf(apiKey: string): DailyRoomObject[];
  /** The next `count` requests answer 500 `server-error` (or `status`, with its headers). */
  failNext(count: number, status?: number, headers?: Record<string, string>): void;
  /** The next `count` requests get no answer at all, as when Daily hangs. */
  hangNext(count: number): void;
  /** Decodes a meeting token it issued (it signs them HS256 with the key, as self-signed Daily tokens are). */
  decodeToken(token: string): Record<string, unknown>;
  close(): Promise<void>;
}

const ROOM_NAME = /^[A-Za-z0-9_-]{1,128}$/;

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** Daily's error body (https://docs.daily.co/reference/rest-api/errors): `{ error, info }`. */
const fail = (res: ServerResponse, status: number, error: string, info: string) => send(res, status, { error, info });

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const isUnixTime = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) > 0);

/**
 * A local HTTP server that answers as Daily.co's REST API documents for the endpoints the
 * product uses: `POST /rooms`, `GET /rooms/:name`, `DELETE /rooms/:name`, `POST /meeting-tokens`,
 * with Daily's status codes and `{ error, info }` bodies. Each key is its own domain.
 */
export async function startDailyStandIn(): Promise<DailyStandIn> {
  const domains = new Map<string, string>();
  const rooms = new Map<string, Map<string, DailyRoomObject>>();
  const held: ServerResponse[] = [];
  let failures: { count: number; status: number; headers: Record<string, string> } = {
    count: 0,
    status: 500,
    headers: {},
  };
  let hangs = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://daily").pathname.replace(/^\/v1/, "");
    const authorization = req.headers.authorization ?? "";
    const apiKey = /^Bearer (.+)$/.exec(authorization)?.[1] ?? null;
    let body: unknown = null;
    let parsed = true;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      parsed = false;
    }
    standIn.requests.push({ method: req.method ?? "", path, apiKey, body });

    if (hangs > 0) {
      hangs--;
      held.push(res);
      return;
    }
    if (failures.count > 0) {
      failures.count--;
      return send(res, failures.status, { error: "server-error", info: "stand-in told to fail" }, failures.headers);
    }
    if (!apiKey) return fail(res, 400, "authorization-header-error", "Authorization header missing or malformed");
    const domain = domains.get(apiKey);
    if (!domain) return fail(res, 401, "authentication-error", "the API key is not valid");
    if (!parsed) return fail(res, 400, "json-parsing-error", "the request body is not JSON");
    const own = rooms.get(apiKey) ?? new Map<string, DailyRoomObject>();
    rooms.set(apiKey, own);
    const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;

    const roomMatch = /^\/rooms\/([^/]+)$/.exec(path);
    if (req.method === "POST" && path === "/rooms") {
      const name = fields.name ?? randomUUID().replaceAll("-", "").slice(0, 20);
      const properties = (fields.properties ?? {}) as Record<string, unknown>;
      if (typeof name !== "string" || !ROOM_NAME.test(name))
        return fail(res, 400, "invalid-request-error", "name must match [A-Za-z0-9_-]{1,128}");
      if (fields.privacy !== undefined && fields.privacy !== "public" && fields.privacy !== "private")
        return fail(res, 400, "invalid-request-error", "privacy must be public or private");
      if (!isUnixTime(properties.nbf) || !isUnixTime(properties.exp))
        return fail(res, 400, "invalid-request-error", "nbf and exp must be unix timestamps");
      if (own.has(name)) return fail(res, 400, "invalid-request-error", `a room named ${name} already exists`);
      const room: DailyRoomObject = {
        id: randomUUID(),
        name,
        api_created: true,
        privacy: (fields.privacy as DailyRoomObject["privacy"]) ?? "public",
        url: `https://${domain}.daily.co/${name}`,
        created_at: new Date().toISOString(),
        config: properties,
      };
      own.set(name, room);
      return send(res, 200, room);
    }
    if (roomMatch && (req.method === "GET" || req.method === "DELETE")) {
      const name = decodeURIComponent(roomMatch[1] ?? "");
      const room = own.get(name);
      if (!room) return fail(res, 404, "not-found", `room ${name} was not found`);
      if (req.method === "GET") return send(res, 200, room);
      own.delete(name);
      return send(res, 200, { deleted: true, name });
    }
    if (req.method === "POST" && path === "/meeting-tokens") {
      const properties = fields.properties as Record<string, unknown> | undefined;
      if (typeof properties !== "object" || properties === null)
        return fail(res, 400, "invalid-request-error", "properties is required");
      if (properties.is_owner !== undefined && typeof properties.is_owner !== "boolean")
        return fail(res, 400, "invalid-request-error", "is_owner must be a boolean");
      if (!isUnixTime(properties.nbf) || !isUnixTime(properties.exp))
        return fail(res, 400, "invalid-request-error", "nbf and exp must be unix timestamps");
      const claims = {
        r: properties.room_name,
        o: properties.is_owner ?? false,
        u: properties.user_name,
        nbf: properties.nbf,
        exp: properties.exp,
        d: domain,
        iat: Math.floor(Date.now() / 1000),
      };
      const unsigned = `${base64url({ alg: "HS256", typ: "JWT" })}.${base64url(claims)}`;
      const signature = createHmac("sha256", apiKey).update(unsigned).digest("base64url");
      return send(res, 200, { token: `${unsigned}.${signature}` });
    }
    return fail(res, 404, "not-found", `no endpoint ${req.method} ${path}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => fail(res, 500, "server-error", "stand-in failed"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const standIn: DailyStandIn = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests: [],
    addKey: (apiKey, domain) => domains.set(apiKey, domain),
    roomsOf: (apiKey) => [...(rooms.get(apiKey)?.values() ?? [])],
    failNext: (count, status = 500, headers = {}) => {
      failures = { count, status, headers };
    },
    hangNext: (count) => {
      hangs = count;
    },
    decodeToken: (token) => JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")),
    close: async () => {
      for (const res of held.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}

/** The Daily.co stand-in for the tests of this file, started in `beforeAll` and closed in `afterAll`. */
export function useDailyStandIn(): DailyStandIn {
  return useFixture("the Daily stand-in", startDailyStandIn, (daily) => daily.close());
}

import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Hold, HoldStore } from "./hold-store.js";

/*
 * Layout (all under the deployment's prefix): `holds:data` hash token -> hold JSON;
 * `holds:expiry` zset token by expiresAt; `holds:specialist:<id>` zset token by start;
 * `holds:client:<id>` zset token by expiresAt. Every change is one Lua script, so checks and
 * writes are atomic across server processes; time comes from Redis (TIME), not the callers.
 */

const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

const CREATE = `${NOW}
local data, expiry, specialist, client = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local token, hold, start, finish, ttl, max = ARGV[1], cjson.decode(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
for _, other in ipairs(redis.call('ZRANGEBYSCORE', specialist, '-inf', '(' .. finish)) do
  local raw = redis.call('HGET', data, other)
  if not raw then
    redis.call('ZREM', specialist, other)
  else
    local h = cjson.decode(raw)
    if h.expiresAt > now and h['end'] > start then return {'SLOT_TAKEN'} end
  end
end
redis.call('ZREMRANGEBYSCORE', client, '-inf', now)
if redis.call('ZCARD', client) >= max then return {'TOO_MANY_HOLDS'} end
hold.expiresAt = now + ttl
local raw = cjson.encode(hold)
redis.call('HSET', data, token, raw)
redis.call('ZADD', expiry, hold.expiresAt, token)
redis.call('ZADD', specialist, start, token)
redis.call('ZADD', client, hold.expiresAt, token)
return {'OK', raw}`;

const EXTEND = `${NOW}
local data, expiry, prefix, token, ttl = KEYS[1], KEYS[2], ARGV[1], ARGV[2], tonumber(ARGV[3])
local raw = redis.call('HGET', data, token)
if not raw then return nil end
local h = cjson.decode(raw)
if h.expiresAt <= now then return nil end
h.expiresAt = now + ttl
raw = cjson.encode(h)
redis.call('HSET', data, token, raw)
redis.call('ZADD', expiry, h.expiresAt, token)
redis.call('ZADD', prefix .. 'holds:client:' .. h.clientId, h.expiresAt, token)
return raw`;

/** Deletes holds; with ARGV[2] = '1' only those already expired (the sweep). */
const REMOVE = `${NOW}
local data, expiry, prefix = KEYS[1], KEYS[2], ARGV[1]
local tokens = {}
if ARGV[2] == '1' then tokens = redis.call('ZRANGEBYSCORE', expiry, '-inf', now) else tokens = {ARGV[3]} end
local removed = {}
for _, token in ipairs(tokens) do
  local raw = redis.call('HGET', data, token)
  if raw then
    local h = cjson.decode(raw)
    -- A release that comes after expiry leaves the hold to the sweep, which announces it.
    if ARGV[2] == '1' or h.expiresAt > now then
      redis.call('HDEL', data, token)
      redis.call('ZREM', expiry, token)
      redis.call('ZREM', prefix .. 'holds:specialist:' .. h.specialistId, token)
      redis.call('ZREM', prefix .. 'holds:client:' .. h.clientId, token)
      table.insert(removed, raw)
    end
  else
    redis.call('ZREM', expiry, token)
  end
end
return removed`;

/**
 * Live holds of specialists (KEYS[2..]) starting before ARGV[1]: their JSON, after Redis' time
 * (one round trip, however many specialists).
 */
const OVERLAPPING = `
local data, found = KEYS[1], {}
for i = 2, #KEYS do
  local tokens = redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[1])
  if #tokens > 0 then
    for _, raw in ipairs(redis.call('HMGET', data, unpack(tokens))) do
      if raw then table.insert(found, raw) end
    end
  end
end
local t = redis.call('TIME')
table.insert(found, 1, tostring(tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)))
return found`;

function parse(raw: string): Hold {
  return JSON.parse(raw) as Hold;
}

/** Holds in Redis, shared by every server process (keys under `prefix`). */
export function createRedisHoldStore(redis: Redis, prefix: string): HoldStore {
  const data = `${prefix}holds:data`;
  const expiry = `${prefix}holds:expiry`;
  const specialistKey = (id: string) => `${prefix}holds:specialist:${id}`;
  const clientKey = (id: string) => `${prefix}holds:client:${id}`;

  return {
    async create({ ttlMs, maxPerClient, ...request }) {
      const token = randomUUID();
      const result = (await redis.eval(
        CREATE,
        4,
        data,
        expiry,
        specialistKey(request.specialistId),
        clientKey(request.clientId),
        token,
        JSON.stringify({ ...request, token }),
        request.start,
        request.end,
        ttlMs,
        maxPerClient,
      )) as [string, string?];
      if (result[0] === "OK") return { ok: true, hold: parse(result[1] as string) };
      return { ok: false, reason: result[0] as "SLOT_TAKEN" | "TOO_MANY_HOLDS" };
    },
    async get(token) {
      const [[, raw], [, time]] = (await redis.pipeline().hget(data, token).time().exec()) as [
        [unknown, string | null],
        [unknown, [string, string]],
      ];
      const hold = raw ? parse(raw) : null;
      const [seconds, micros] = time;
      return hold && hold.expiresAt > Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) ? hold : null;
    },
    async extend(token, ttlMs) {
      const raw = (await redis.eval(EXTEND, 2, data, expiry, prefix, token, ttlMs)) as string | null;
      return raw ? parse(raw) : null;
    },
    async release(token) {
      const [raw] = (await redis.eval(REMOVE, 2, data, expiry, prefix, "0", token)) as string[];
      return raw ? parse(raw) : null;
    },
    async overlapping(specialistIds, from, to) {
      if (!specialistIds.length) return [];
      const [time, ...raws] = (await redis.eval(
        OVERLAPPING,
        1 + specialistIds.length,
        data,
        ...specialistIds.map(specialistKey),
        to,
      )) as string[];
      const now = Number(time);
      return raws.map(parse).filter((h) => h.expiresAt > now && h.end > from);
    },
    async sweep() {
      const raws = (await redis.eval(REMOVE, 2, data, expiry, prefix, "1")) as string[];
      return raws.map(parse);
    },
  };
}

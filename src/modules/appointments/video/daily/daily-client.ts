import { z } from "zod";
import { unixSeconds, type VisitWindow } from "../domain/visit-window.js";
import { VideoProviderError } from "../errors.js";
import { type DailyConnection, dailyRequest } from "./daily-request.js";

export interface DailyRoom {
  name: string;
  url: string;
}

const roomAnswer = z.object({ name: z.string().min(1), url: z.string().min(1) });
const tokenAnswer = z.object({ token: z.string().min(1) });

function parsed<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const result = schema.safeParse(answer);
  if (!result.success) throw new VideoProviderError(`Daily.co answered ${what} in an unexpected shape`, 200);
  return result.data;
}

const roomPath = (name: string) => `/rooms/${encodeURIComponent(name)}`;

/** Daily.co's REST API (rooms and meeting tokens) with one organization's key. */
export function dailyClient(connection: DailyConnection) {
  const getRoom = async (name: string) =>
    parsed(roomAnswer, await dailyRequest(connection, "GET", roomPath(name)), "a room");
  return {
    /**
     * A private room (joined only with a meeting token) open during `window` only, so Daily
     * expires it by itself even if deleting it never happens. Creating a name Daily already
     * has answers 400; the name is derived from the appointment and the key is the
     * organization's own, so that room is this one (an earlier attempt whose answer was lost,
     * or a concurrent one) and is answered instead.
     */
    async createRoom(name: string, window: VisitWindow): Promise<DailyRoom> {
      const body = {
        name,
        privacy: "private",
        properties: { nbf: unixSeconds(window.opensAt), exp: unixSeconds(window.closesAt) },
      };
      try {
        return parsed(roomAnswer, await dailyRequest(connection, "POST", "/rooms", body), "a room");
      } catch (error) {
        if (!(error instanceof VideoProviderError) || error.status !== 400) throw error;
        return getRoom(name).catch(() => {
          throw error;
        });
      }
    },

    /** A meeting token for one participant of one room, valid during `window` only. */
    async createMeetingToken(input: {
      roomName: string;
      isOwner: boolean;
      userName: string;
      window: VisitWindow;
    }): Promise<string> {
      const properties = {
        room_name: input.roomName,
        is_owner: input.isOwner,
        user_name: input.userName,
        nbf: unixSeconds(input.window.opensAt),
        exp: unixSeconds(input.window.closesAt),
      };
      const answer = await dailyRequest(connection, "POST", "/meeting-tokens", { properties });
      return parsed(tokenAnswer, answer, "a meeting token").token;
    },

    /** Deletes a room; one Daily does not have (deleted, or expired) counts as deleted. */
    async deleteRoom(name: string): Promise<void> {
      try {
        await dailyRequest(connection, "DELETE", roomPath(name));
      } catch (error) {
        if (!(error instanceof VideoProviderError) || error.status !== 404) throw error;
      }
    },
  };
}

export type DailyClient = ReturnType<typeof dailyClient>;

import { AppError } from "../../../errors.js";
import { errorObjectType } from "../../../graphql/error-types.js";
import { VideoUnavailableReasonEnum } from "./types/video-unavailable-reason.enum.js";

/** Why an appointment has no video visit to join right now. */
export type VideoUnavailableReason = "NOT_TELEHEALTH" | "NOT_ACTIVE" | "OUTSIDE_WINDOW" | "NO_INTEGRATION";

/** The appointment exists but cannot be joined by video (now, or ever). */
export class VideoUnavailableError extends AppError {
  static readonly code = "VIDEO_UNAVAILABLE";
  static readonly httpStatus = 409;
  constructor(
    readonly reason: VideoUnavailableReason,
    message: string,
    /** OUTSIDE_WINDOW: when the visit can be joined. */
    readonly window: { opensAt: Date; closesAt: Date } | null = null,
  ) {
    super(message);
    this.name = "VideoUnavailableError";
  }
}

/**
 * Daily.co refused a request (4xx other than 429: at once), or did not answer well after a
 * few attempts (5xx, 429, timeouts, network errors). Carries Daily's own `error` and `info`.
 */
export class VideoProviderError extends AppError {
  static readonly code = "VIDEO_PROVIDER_ERROR";
  static readonly httpStatus = 502;
  constructor(
    message: string,
    /** Daily's HTTP status; null when it never answered. */
    readonly status: number | null,
    readonly providerError: string | null = null,
    readonly providerInfo: string | null = null,
  ) {
    super(message);
    this.name = "VideoProviderError";
  }
}

errorObjectType(VideoUnavailableError, {
  name: "VideoUnavailableError",
  fields: (t) => ({
    reason: t.field({ type: VideoUnavailableReasonEnum, resolve: (e) => e.reason }),
    opensAt: t.field({ type: "DateTime", nullable: true, resolve: (e) => e.window?.opensAt ?? null }),
    closesAt: t.field({ type: "DateTime", nullable: true, resolve: (e) => e.window?.closesAt ?? null }),
  }),
});

errorObjectType(VideoProviderError, {
  name: "VideoProviderError",
  fields: (t) => ({
    status: t.exposeInt("status", {
      nullable: true,
      description: "Daily.co's HTTP status; null when it never answered.",
    }),
    providerError: t.exposeString("providerError", {
      nullable: true,
      description: "Daily.co's `error`, e.g. `authentication-error`.",
    }),
    providerInfo: t.exposeString("providerInfo", { nullable: true, description: "Daily.co's `info`, for people." }),
  }),
});

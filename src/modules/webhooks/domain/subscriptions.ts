import { z } from "zod";
import type { Config } from "../../../config/config.js";
import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError, ValidationError } from "../../../errors.js";
import { eventTypes } from "../../../events/index.js";
import { endpointRefusal } from "./endpoint-address.js";

/** What an endpoint may choose to receive: every event but the ping, which targets one endpoint. */
export const subscribableEventTypes = eventTypes.filter((type) => type !== "webhook.ping");

const isHttpUrl = (v: string) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol);

export const webhookFields = {
  url: z
    .string()
    .trim()
    .max(2000)
    .refine(isHttpUrl, { message: "must be an http:// or https:// URL" })
    .refine((v) => !isHttpUrl(v) || (!new URL(v).username && !new URL(v).password), {
      message: "must not contain credentials",
    }),
  eventTypes: z
    .array(z.enum(subscribableEventTypes, { message: "must be an event type of the catalog (webhookEventTypes)" }))
    .max(100)
    .refine((types) => new Set(types).size === types.length, { message: "must not repeat an event type" }),
  description: z.string().trim().max(500),
};

/** Refuses an endpoint whose host resolves to a private, loopback or link-local address (unless WEBHOOK_ALLOWED_HOSTS allows it). */
export async function assertPublicEndpoint(config: Config["webhooks"], url: string) {
  const refused = await endpointRefusal(config, new URL(url));
  if (refused)
    throw ValidationError.fromIssues([{ path: ["url"], message: `must be a public endpoint: ${refused}` }], ["input"]);
}

/** A subscription of the active organization (row-level security hides the others), or not found. */
export async function findSubscription(tx: Prisma.TransactionClient, id: string) {
  const subscription = await tx.webhookSubscription.findUnique({ where: { id } });
  if (!subscription) throw new NotFoundError("WebhookSubscription");
  return subscription;
}

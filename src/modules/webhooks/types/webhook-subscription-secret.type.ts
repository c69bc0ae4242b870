import { builder } from "../../../graphql/builder.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

interface WithSecret {
  subscription: { id: string };
  secret: string;
}

export const WebhookSubscriptionWithSecretRef = builder
  .objectRef<WithSecret>("WebhookSubscriptionWithSecret")
  .implement({
    fields: (t) => ({
      subscription: t.field({ type: WebhookSubscriptionRef, resolve: (created) => created.subscription as never }),
      secret: t.exposeString("secret", {
        description:
          "The signing secret (`whsec_...`): verify `webhook-signature` with it. Shown this once: store it now.",
      }),
    }),
  });

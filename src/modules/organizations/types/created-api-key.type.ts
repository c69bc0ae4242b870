import { builder } from "../../../graphql/builder.js";
import type { CreatedApiKey } from "../domain/create-api-key.js";
import { ApiKeyRef } from "./api-key.type.js";

export const CreatedApiKeyRef = builder.objectRef<CreatedApiKey>("CreatedApiKey").implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, resolve: (created) => created.apiKey as never }),
    key: t.exposeString("key", { description: "The key itself. Shown this once: store it now." }),
  }),
});

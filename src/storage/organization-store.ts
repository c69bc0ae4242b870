import type { Context } from "../graphql/context.js";
import { decryptSecrets } from "../secrets/encrypted-secrets.js";
import { localObjectStore } from "./local-object-store.js";
import type { ObjectStore } from "./object-store.js";
import { createS3ObjectStore } from "./s3-object-store.js";
import type { FileStorage } from "./uploads.js";

interface S3IntegrationConfig {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

const perRequest = new WeakMap<Context, Promise<ObjectStore>>();

/**
 * The store of the caller's organization: its own bucket when it has an `s3` integration,
 * else the deployment's default (see `default-storage.ts`). Read once per request.
 * Files stay in the store they were written to: set the integration up before the first upload.
 */
export function objectStoreFor(ctx: Context): Promise<ObjectStore> {
  let store = perRequest.get(ctx);
  if (!store) {
    store = ctx.db.organizationIntegration.findFirst({ where: { provider: "s3" } }).then((integration) => {
      if (integration?.secretsEncrypted) {
        const config = integration.config as unknown as S3IntegrationConfig;
        const secrets = decryptSecrets(ctx.services.config.integrationsKey, integration.secretsEncrypted);
        return createS3ObjectStore({
          ...config,
          credentials: { accessKeyId: secrets.accessKeyId ?? "", secretAccessKey: secrets.secretAccessKey ?? "" },
        });
      }
      const fallback = ctx.services.storage;
      return fallback.kind === "s3" ? fallback.store : localObjectStore(fallback.files, publicOrigin(ctx));
    });
    perRequest.set(ctx, store);
  }
  return store;
}

/** The caller's store with the configuration and log the upload steps (`uploads.ts`) read. */
export async function fileStorageFor(ctx: Context): Promise<FileStorage> {
  return { store: await objectStoreFor(ctx), config: ctx.services.config, log: ctx.log };
}

/** Where clients reach this server: PUBLIC_URL, else the request's origin. */
const publicOrigin = (ctx: Context) => ctx.services.config.publicUrl ?? ctx.client.origin;

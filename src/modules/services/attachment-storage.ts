import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Context } from "../../graphql/context.js";
import { decryptSecrets } from "../organizations/integration-secrets.js";

/** How long an upload or download URL stays valid. */
export const PRESIGNED_URL_SECONDS = 15 * 60;

interface Storage {
  client: S3Client;
  bucket: string;
}

interface S3Config {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

const perRequest = new WeakMap<Context, Promise<Storage | null>>();

/**
 * The S3 bucket of the caller's organization, from its `s3` integration (bucket, region, and
 * an optional endpoint for S3-compatible stores); null when the organization has none.
 * Read once per request.
 */
export function organizationStorage(ctx: Context): Promise<Storage | null> {
  let storage = perRequest.get(ctx);
  if (!storage) {
    storage = ctx.db.organizationIntegration.findFirst({ where: { provider: "s3" } }).then((integration) => {
      if (!integration?.secretsEncrypted) return null;
      const config = integration.config as unknown as S3Config;
      const secrets = decryptSecrets(ctx.services.config.integrationsKey, integration.secretsEncrypted);
      const client = new S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
        credentials: { accessKeyId: secrets.accessKeyId ?? "", secretAccessKey: secrets.secretAccessKey ?? "" },
        // A presigned PUT must not carry a checksum of an empty body.
        requestChecksumCalculation: "WHEN_REQUIRED",
      });
      return { client, bucket: config.bucket };
    });
    perRequest.set(ctx, storage);
  }
  return storage;
}

/** Where an attachment's bytes live in the bucket. */
export function attachmentKey(organizationId: string, serviceId: string, attachmentId: string, fileName: string) {
  const safeName = fileName.replace(/[^\w.-]+/g, "_");
  return `organizations/${organizationId}/services/${serviceId}/attachments/${attachmentId}/${safeName}`;
}

export function presignedUpload(storage: Storage, key: string, contentType: string): Promise<string> {
  return getSignedUrl(
    storage.client,
    new PutObjectCommand({ Bucket: storage.bucket, Key: key, ContentType: contentType }),
    {
      expiresIn: PRESIGNED_URL_SECONDS,
    },
  );
}

export function presignedDownload(storage: Storage, key: string): Promise<string> {
  return getSignedUrl(storage.client, new GetObjectCommand({ Bucket: storage.bucket, Key: key }), {
    expiresIn: PRESIGNED_URL_SECONDS,
  });
}

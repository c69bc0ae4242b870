import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { attachmentDisposition, DOWNLOAD_URL_SECONDS, type ObjectStore, UPLOAD_URL_SECONDS } from "./object-store.js";

export interface S3Options {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, R2, s3rver...); unset: AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Unset: the AWS SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** An {@link ObjectStore} on an S3 bucket; URLs are SigV4-presigned, so S3 itself enforces them. */
export function createS3ObjectStore(options: S3Options): ObjectStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    credentials: options.credentials,
    // A presigned PUT must not carry a checksum of an empty body.
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  const Bucket = options.bucket;
  return {
    async uploadUrl(key, { contentType, sizeBytes }) {
      const command = new PutObjectCommand({ Bucket, Key: key, ContentType: contentType, ContentLength: sizeBytes });
      const url = await getSignedUrl(client, command, {
        expiresIn: UPLOAD_URL_SECONDS,
        // Signed, so S3 refuses a body of another size or type than the one declared.
        signableHeaders: new Set(["content-type", "content-length"]),
      });
      return {
        url,
        headers: { "content-type": contentType },
        expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000),
      };
    },
    downloadUrl(key, { contentType, fileName }) {
      const command = new GetObjectCommand({
        Bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: attachmentDisposition(fileName),
      });
      return getSignedUrl(client, command, { expiresIn: DOWNLOAD_URL_SECONDS });
    },
    async stat(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { sizeBytes: head.ContentLength ?? 0, contentType: head.ContentType ?? "" };
      } catch (error) {
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import AWSAccount from "s3rver/lib/models/account.js";

export interface TestS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

/**
 * A local S3 stand-in (s3rver) with one bucket and one key pair, for code that talks to S3
 * through the AWS SDK. It checks that the bucket and the access key exist; it does not check
 * SigV4 signatures.
 */
export async function startTestS3(bucket = "clinic-files"): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "cg-s3-"));
  const accessKeyId = "CLINICGRAPHTEST";
  const secretAccessKey = "clinicgraph-test-secret";
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  const s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await s3.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    accessKeyId,
    secretAccessKey,
    close: async () => {
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

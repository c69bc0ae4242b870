import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import AWSAccount from "s3rver/lib/models/account.js";
import type { TestOrganization } from "./auth.js";
import { useFixture } from "./fixture.js";
import { v1 } from "./v1.js";

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

/** The S3 stand-in for the tests of this file, started in `beforeAll` and closed in `afterAll`. */
export function useTestS3(): TestS3 {
  return useFixture(
    "the S3 stand-in",
    () => startTestS3(),
    (s3) => s3.close(),
  );
}

/** The deployment's bucket (`S3_*` variables) in the stand-in, for a test server's environment. */
export function s3Env(s3: TestS3): Record<string, string> {
  return {
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  };
}

/** Points the organization's `s3` integration at the stand-in (as its owner, through `/v1`). */
export async function connectS3(url: string, s3: TestS3, org: TestOrganization): Promise<void> {
  const response = await v1(url, "PUT", `/v1/organizations/${org.id}/integrations/s3`, org.owner, {
    config: { bucket: s3.bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true },
    secrets: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
}

import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/config.js";
import { createDefaultStorage } from "../../src/storage/default-storage.js";

describe("storage configuration", () => {
  it("stores on the local disk under .data/files when no S3 is configured, at most 25 MiB per appointment file", () => {
    const config = parseConfig({});
    expect(config.storage).toEqual({ s3: undefined, filesDir: ".data/files" });
    expect(config.appointmentFiles.maxBytes).toBe(25 * 1024 * 1024);
    expect(createDefaultStorage(config).kind).toBe("local");
  });

  it("uses the deployment's bucket once S3_BUCKET is set; path-style by default with an endpoint", () => {
    const config = parseConfig({
      S3_BUCKET: "files",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(config.storage.s3).toEqual({
      bucket: "files",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    expect(createDefaultStorage(config).kind).toBe("s3");
    expect(parseConfig({ S3_BUCKET: "files" }).storage.s3).toMatchObject({
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it.each([
    [{ S3_ENDPOINT: "ftp://example.com" }, "S3_ENDPOINT"],
    [{ APPOINTMENT_FILE_MAX_BYTES: "0" }, "APPOINTMENT_FILE_MAX_BYTES"],
    [{ S3_BUCKET: "files", S3_ACCESS_KEY_ID: "id" }, "S3_SECRET_ACCESS_KEY"],
  ])("rejects %o naming %s", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`^Invalid environment variable ${name}: `));
  });
});

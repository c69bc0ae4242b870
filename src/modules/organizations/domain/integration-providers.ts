import { z } from "zod";

export const integrationProviders = ["daily", "s3"] as const;
export type IntegrationProvider = (typeof integrationProviders)[number];

const secret = z.string().min(8, { message: "is too short to be a credential" }).max(500);

/** What each provider needs: its non-secret settings and its secrets. */
export const providerSchemas: Record<IntegrationProvider, { config: z.ZodType; secrets: z.ZodType }> = {
  daily: {
    config: z.object({ domain: z.string().min(1).max(100).optional(), apiUrl: z.url().optional() }).strict(),
    secrets: z.object({ apiKey: secret }).strict(),
  },
  s3: {
    config: z
      .object({
        bucket: z.string().min(3).max(63),
        region: z.string().min(1).max(40),
        endpoint: z.url().optional(),
        forcePathStyle: z.boolean().optional(),
      })
      .strict(),
    secrets: z.object({ accessKeyId: secret, secretAccessKey: secret }).strict(),
  },
};

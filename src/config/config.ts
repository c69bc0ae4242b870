import { z } from "zod";
import { appointmentFileConfig } from "../modules/appointments/files/config.js";
import { dailyConfig } from "../modules/appointments/video/config.js";
import { holdConfig } from "../modules/scheduling/config.js";
import { serviceAttachmentConfig } from "../modules/services/config.js";
import { webhookConfig } from "../modules/webhooks/config.js";
import { platformConfig } from "./platform.js";
import { ConfigError } from "./section.js";

export { ConfigError } from "./section.js";

/** The modules' sections, each under its key of the configuration (e.g. `config.webhooks`). */
const moduleSections = {
  holds: holdConfig,
  webhooks: webhookConfig,
  appointmentFiles: appointmentFileConfig,
  serviceAttachments: serviceAttachmentConfig,
  daily: dailyConfig,
};

type Sections = (typeof moduleSections)[keyof typeof moduleSections];
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ModuleConfig = { [K in keyof typeof moduleSections]: ReturnType<(typeof moduleSections)[K]["read"]> };

/**
 * Every environment variable the server reads: the platform's and each module's. Parsed once at
 * start-up; `.env.example` and the README's table document each one (a test checks both).
 */
export const envSchema = z.object({
  ...platformConfig.env,
  ...Object.assign({}, ...Object.values(moduleSections).map((section) => section.env)),
} as typeof platformConfig.env & Intersection<Sections["env"]>);

export type Config = ReturnType<typeof platformConfig.read> & ModuleConfig;

/** Parses the environment; throws a {@link ConfigError} whose message is one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const got = env[name];
    throw new ConfigError(
      `Invalid environment variable ${name}: ${issue?.message ?? "invalid"}${got === undefined ? "" : ` (got "${got}")`}`,
    );
  }
  const variables = result.data;
  const context = { development: variables.NODE_ENV !== "production" };
  const modules = Object.fromEntries(
    Object.entries(moduleSections).map(([key, section]) => [key, section.read(variables as never, context)]),
  ) as ModuleConfig;
  return { ...platformConfig.read(variables, context), ...modules };
}

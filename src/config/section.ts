import type { z } from "zod";

/** What a section reads besides its own variables. */
export interface ConfigContext {
  /** Any `NODE_ENV` but `production`. */
  development: boolean;
}

/**
 * A part of the configuration, declared by the code that reads it (the platform, or a module):
 * the environment variables it parses and the value it makes of them. `src/config/config.ts`
 * composes every section into one schema, so one wrong variable stops start-up with one line.
 */
export interface ConfigSection<Shape extends z.ZodRawShape, Value> {
  env: Shape;
  read(variables: z.infer<z.ZodObject<Shape>>, context: ConfigContext): Value;
}

export const configSection = <Shape extends z.ZodRawShape, Value>(section: ConfigSection<Shape, Value>) => section;

export class ConfigError extends Error {
  override name = "ConfigError";
}

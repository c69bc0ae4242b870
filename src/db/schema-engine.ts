import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the `pg` driver adapter.
 * The `prisma` CLI downloads a native engine, which this project's machines cannot reach;
 * this engine ships on npm and keeps the same `_prisma_migrations` bookkeeping as
 * `prisma migrate deploy`.
 */
export type SchemaEngine = bindings.SchemaEngine;

export const noFilters = { externalTables: [], externalEnums: [] };

let initialised: Promise<void> | undefined;

function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    // The package's ESM entry imports the .wasm file directly, which Node 20 cannot do.
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const module = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(module, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return initialised;
}

/**
 * The pg adapter runs a migration script by splitting it on `;`, which breaks dollar-quoted
 * function bodies (and sends the pieces to different pooled connections). Send the script
 * whole instead: one simple-protocol query, run by PostgreSQL as one implicit transaction.
 */
class WholeScriptPrismaPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await this.pool.query(script);
    };
    return adapter;
  }
}

/** Runs `use` with an engine connected to `databaseUrl`, then releases the engine and its pool. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  datamodels: [string, string][],
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await initialiseWasm();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(pool));
  const engine = await bindings.SchemaEngine.new({ datamodels }, () => {}, adapter);
  try {
    return await use(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

import type { Prisma, PrismaClient } from "./prisma.js";

/** Whose data a database session may see: row-level security policies read these settings. */
export interface TenantScope {
  organizationId: string | null;
  userId: string | null;
  /** The caller's role in the organization (policies narrow what a patient sees). */
  role: string | null;
  /** With role `patient`: the one patient record the request acts for (its own, or an impersonated one). */
  patientId?: string | null;
  /**
   * A narrower PostgreSQL role to act as for the transaction (`SET LOCAL ROLE`), e.g.
   * `clinicgraph_widget` for anonymous booking widgets; unset: the API role itself.
   */
  databaseRole?: string;
}

function applyScope(client: Pick<PrismaClient, "$executeRaw">, scope: TenantScope) {
  const settings = [scope.organizationId ?? "", scope.userId ?? "", scope.role ?? "", scope.patientId ?? ""] as const;
  if (scope.databaseRole) {
    return client.$executeRaw`SELECT set_config('app.organization_id', ${settings[0]}, true),
      set_config('app.user_id', ${settings[1]}, true), set_config('app.role', ${settings[2]}, true),
      set_config('app.patient_id', ${settings[3]}, true), set_config('role', ${scope.databaseRole}, true)`;
  }
  return client.$executeRaw`SELECT set_config('app.organization_id', ${settings[0]}, true),
    set_config('app.user_id', ${settings[1]}, true), set_config('app.role', ${settings[2]}, true),
    set_config('app.patient_id', ${settings[3]}, true)`;
}

/**
 * A client whose every query runs in a short transaction that first sets the scope, so a
 * resolver cannot forget the tenant filter: PostgreSQL applies it. (Prisma's documented
 * row-level-security pattern; settings are transaction-local, so pooled connections never
 * carry one request's scope into another.) Four statements per query: for code that runs
 * outside an operation (authentication, subscriptions between events); requests read through
 * {@link RequestDatabase}.
 */
export function scopedClient(base: PrismaClient, scope: TenantScope): PrismaClient {
  return base.$extends({
    query: {
      $allOperations: async ({ args, query }) => {
        const [, result] = await base.$transaction([applyScope(base, scope), query(args)]);
        return result;
      },
    },
  }) as unknown as PrismaClient;
}

/** Runs `work` in one interactive transaction with the scope set: for writes and their audit rows and jobs. */
export function inScopedTransaction<T>(
  base: PrismaClient,
  scope: TenantScope,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return base.$transaction(async (tx) => {
    await applyScope(tx, scope);
    return work(tx);
  });
}

/** How long a request's read transaction may stay open: longer than any request, shorter than forever. */
const READ_TRANSACTION_TIMEOUT_MS = 60_000;

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/** Runs one operation of the extended client on `tx` instead (model calls, tagged and unsafe raw SQL). */
function runOn(tx: Prisma.TransactionClient, model: string | undefined, operation: string, args: unknown) {
  // biome-ignore lint/suspicious/noExplicitAny: Prisma's delegates are typed per model; the extension sees them untyped.
  const target: any = model ? (tx as any)[lowerFirst(model)] : tx;
  return Array.isArray(args) ? target[operation](...args) : target[operation](args);
}

/** PostgreSQL refuses every statement after one failed in the same transaction (25P02). */
function isAbortedTransaction(error: unknown): boolean {
  return String((error as { message?: unknown })?.message ?? "").includes("25P02");
}

interface ReadTransaction {
  tx: Promise<Prisma.TransactionClient>;
  inFlight: number;
  drained?: () => void;
  finish(): void;
  done: Promise<unknown>;
}

/**
 * The database of one GraphQL operation. Its reads share one transaction with the scope set
 * once (`BEGIN`, the settings, the reads, `COMMIT`), opened at the first read and committed by
 * {@link release} when the operation ends, instead of a transaction of their own per query.
 * Writes go through {@link transaction}, which first commits the open reads, so a request never
 * holds two pooled connections at once (two per request would let a burst of requests take
 * every connection and wait on each other). Call {@link release} too before waiting on another
 * service (Daily.co, S3), so no connection idles through a network call.
 */
export class RequestDatabase {
  private client: PrismaClient | undefined;
  private open: ReadTransaction | undefined;

  constructor(
    private readonly base: PrismaClient,
    private readonly scope: TenantScope,
  ) {}

  /**
   * The reads' client: a Prisma client whose every operation runs in the shared read
   * transaction. The extended client behind it is made on first use: it costs more than a
   * whole trivial request.
   */
  readonly db: PrismaClient = new Proxy({} as PrismaClient, {
    get: (_target, property) => {
      const client = this.readsClient();
      const value = Reflect.get(client, property);
      return typeof value === "function" ? value.bind(client) : value;
    },
    has: (_target, property) => property in this.readsClient(),
  });

  private readsClient(): PrismaClient {
    this.client ??= this.extendedClient();
    return this.client;
  }

  private extendedClient(): PrismaClient {
    return this.base.$extends({
      query: {
        $allOperations: async ({ model, operation, args }) => {
          try {
            return await this.read((tx) => runOn(tx, model, operation, args));
          } catch (error) {
            // Another read of this transaction failed first: this one never ran, so run it afresh.
            if (!isAbortedTransaction(error)) throw error;
            return this.read((tx) => runOn(tx, model, operation, args));
          }
        },
      },
    }) as unknown as PrismaClient;
  }

  /** A write (or a read under another scope) in a transaction of its own, after committing the open reads. */
  async transaction<T>(scope: TenantScope, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    await this.release();
    return inScopedTransaction(this.base, scope, work);
  }

  /** Commits the open read transaction, if any, once its reads are done; the next read opens another. */
  async release(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    if (open.inFlight > 0) await new Promise<void>((resolve) => (open.drained = resolve));
    open.finish();
    // A read-only transaction that fails to commit has nothing to lose: its reads already answered.
    await open.done;
  }

  private async read<T>(run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    const open = this.open ?? this.begin();
    open.inFlight++;
    try {
      return await run(await open.tx);
    } catch (error) {
      // A failed statement aborts the transaction: later reads start a new one.
      if (this.open === open) this.open = undefined;
      throw error;
    } finally {
      open.inFlight--;
      if (open.inFlight === 0) open.drained?.();
      if (this.open !== open && open.inFlight === 0) open.finish();
    }
  }

  private begin(): ReadTransaction {
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let started: (tx: Prisma.TransactionClient) => void = () => {};
    let failed: (error: unknown) => void = () => {};
    const tx = new Promise<Prisma.TransactionClient>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    const done = this.base
      .$transaction(
        async (client) => {
          await applyScope(client, this.scope);
          started(client);
          await finished;
        },
        { timeout: READ_TRANSACTION_TIMEOUT_MS },
      )
      .catch((error: unknown) => {
        // Could not begin (no connection in time), or the transaction ended early: its reads fail.
        failed(error);
        if (this.open === open) this.open = undefined;
      });
    const open: ReadTransaction = { tx, inFlight: 0, finish, done };
    this.open = open;
    return open;
  }
}

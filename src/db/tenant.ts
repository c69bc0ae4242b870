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
 * carry one request's scope into another.)
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

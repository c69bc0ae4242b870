-- CreateEnum
CREATE TYPE "member_role" AS ENUM ('owner', 'admin', 'specialist', 'staff', 'patient');

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID,
    "actor_user_id" UUID,
    "actor_api_key_id" UUID,
    "impersonator_user_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "request_id" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "clerk_user_id" TEXT NOT NULL,
    "email" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "active_organization_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_organizations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "member_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "member_role" NOT NULL,
    "invited_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" "member_role" NOT NULL,
    "created_by_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_integrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets_encrypted" TEXT,
    "secret_hints" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_integrations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_log_organization_id_created_at_idx" ON "audit_log"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_organization_id_entity_type_entity_id_idx" ON "audit_log"("organization_id", "entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_clerk_user_id_key" ON "users"("clerk_user_id");

-- CreateIndex
CREATE INDEX "users_email_idx" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE INDEX "user_organizations_user_id_idx" ON "user_organizations"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_organizations_organization_id_user_id_key" ON "user_organizations"("organization_id", "user_id");

-- CreateIndex
CREATE INDEX "organization_invitations_organization_id_idx" ON "organization_invitations"("organization_id");

-- CreateIndex
CREATE INDEX "organization_invitations_email_idx" ON "organization_invitations"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

-- CreateIndex
CREATE INDEX "api_keys_organization_id_idx" ON "api_keys"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "organization_integrations_organization_id_provider_key" ON "organization_integrations"("organization_id", "provider");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_active_organization_id_fkey" FOREIGN KEY ("active_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_organizations" ADD CONSTRAINT "user_organizations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_organizations" ADD CONSTRAINT "user_organizations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_integrations" ADD CONSTRAINT "organization_integrations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

-- The tenant-table pattern: every table with organization_id calls this once. Rows are
-- visible and writable only while app.organization_id names their organization.
CREATE FUNCTION tenancy.protect(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (organization_id = tenancy.current_organization_id()) '
    'WITH CHECK (organization_id = tenancy.current_organization_id())', tbl);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO clinicgraph_app', tbl);
END $$;

SELECT tenancy.protect('organization_invitations');
SELECT tenancy.protect('api_keys');
SELECT tenancy.protect('organization_integrations');

-- Memberships: the active organization's, plus the caller's own in every organization (for `me`).
ALTER TABLE user_organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_read ON user_organizations FOR SELECT
  USING (organization_id = tenancy.current_organization_id() OR user_id = tenancy.current_user_id());
CREATE POLICY member_write ON user_organizations FOR INSERT
  WITH CHECK (organization_id = tenancy.current_organization_id());
CREATE POLICY member_update ON user_organizations FOR UPDATE
  USING (organization_id = tenancy.current_organization_id())
  WITH CHECK (organization_id = tenancy.current_organization_id());
CREATE POLICY member_delete ON user_organizations FOR DELETE
  USING (organization_id = tenancy.current_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON user_organizations TO clinicgraph_app;

-- Organizations: readable by their members; written only as the active organization
-- (creating one sets app.organization_id to the new id first).
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY organization_read ON organizations FOR SELECT
  USING (id = tenancy.current_organization_id()
         OR id IN (SELECT organization_id FROM user_organizations WHERE user_id = tenancy.current_user_id()));
CREATE POLICY organization_insert ON organizations FOR INSERT
  WITH CHECK (id = tenancy.current_organization_id());
CREATE POLICY organization_update ON organizations FOR UPDATE
  USING (id = tenancy.current_organization_id()) WITH CHECK (id = tenancy.current_organization_id());
CREATE POLICY organization_delete ON organizations FOR DELETE
  USING (id = tenancy.current_organization_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations TO clinicgraph_app;

-- Users are created by authentication (owner connection). The API sees the caller and the
-- members of the active organization, and updates only the caller.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_read ON users FOR SELECT
  USING (id = tenancy.current_user_id()
         OR id IN (SELECT user_id FROM user_organizations WHERE organization_id = tenancy.current_organization_id()));
CREATE POLICY user_update ON users FOR UPDATE
  USING (id = tenancy.current_user_id()) WITH CHECK (id = tenancy.current_user_id());
GRANT SELECT, UPDATE ON users TO clinicgraph_app;

-- The audit trail: append-only for the API role (no UPDATE or DELETE grant).
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_log FOR SELECT
  USING (organization_id = tenancy.current_organization_id());
CREATE POLICY audit_append ON audit_log FOR INSERT
  WITH CHECK (organization_id = tenancy.current_organization_id()
              OR (organization_id IS NULL AND actor_user_id IS NOT DISTINCT FROM tenancy.current_user_id()));
GRANT SELECT, INSERT ON audit_log TO clinicgraph_app;

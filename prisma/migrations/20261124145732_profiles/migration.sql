-- CreateEnum
CREATE TYPE "patient_status" AS ENUM ('invited', 'onboarding', 'active');

-- CreateTable
CREATE TABLE "patients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "user_id" UUID,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "date_of_birth" DATE,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" "patient_status" NOT NULL DEFAULT 'invited',
    "onboarding_steps" JSONB NOT NULL DEFAULT '[]',
    "onboarded_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialists" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "user_id" UUID,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "email" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "bio" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "specialists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialties" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "specialties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialist_specialties" (
    "organization_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "specialty_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "specialist_specialties_pkey" PRIMARY KEY ("specialist_id","specialty_id")
);

-- CreateIndex
CREATE INDEX "patients_organization_id_created_at_idx" ON "patients"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "patients_organization_id_last_name_first_name_idx" ON "patients"("organization_id", "last_name", "first_name");

-- CreateIndex
CREATE INDEX "patients_organization_id_email_idx" ON "patients"("organization_id", "email");

-- CreateIndex
CREATE INDEX "patients_user_id_idx" ON "patients"("user_id");

-- CreateIndex
CREATE INDEX "specialists_organization_id_last_name_first_name_idx" ON "specialists"("organization_id", "last_name", "first_name");

-- CreateIndex
CREATE INDEX "specialists_user_id_idx" ON "specialists"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "specialties_organization_id_name_key" ON "specialties"("organization_id", "name");

-- CreateIndex
CREATE INDEX "specialist_specialties_specialty_id_idx" ON "specialist_specialties"("specialty_id");

-- AddForeignKey
ALTER TABLE "patients" ADD CONSTRAINT "patients_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialists" ADD CONSTRAINT "specialists_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialties" ADD CONSTRAINT "specialties_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_specialties" ADD CONSTRAINT "specialist_specialties_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_specialties" ADD CONSTRAINT "specialist_specialties_specialty_id_fkey" FOREIGN KEY ("specialty_id") REFERENCES "specialties"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

-- The caller's role in the active organization, for policies that depend on it.
CREATE FUNCTION tenancy.current_member_role() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.role', true), '') $$;

SELECT tenancy.protect('specialists');
SELECT tenancy.protect('specialties');
SELECT tenancy.protect('specialist_specialties');

-- A patient user sees (and touches) only their own patient record; staff roles see all of
-- the organization's patients.
ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_isolation ON patients
  USING (organization_id = tenancy.current_organization_id()
         AND (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR user_id = tenancy.current_user_id()))
  WITH CHECK (organization_id = tenancy.current_organization_id()
         AND (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR user_id = tenancy.current_user_id()));
GRANT SELECT, INSERT, UPDATE, DELETE ON patients TO clinicgraph_app;
CREATE UNIQUE INDEX patients_organization_email_key ON patients (organization_id, lower(email)) WHERE email IS NOT NULL AND archived_at IS NULL;

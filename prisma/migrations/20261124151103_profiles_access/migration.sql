-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "actor_patient_id" UUID;

-- AddForeignKey
ALTER TABLE "patients" ADD CONSTRAINT "patients_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialists" ADD CONSTRAINT "specialists_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

-- The patient a patient-role request acts for: the caller's own record, or the one an owner or
-- admin impersonates (which also works for patients without a user account).
CREATE FUNCTION tenancy.current_patient_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.patient_id', true), '')::uuid $$;

-- A patient scope sees and touches exactly one patient record; staff roles see the organization's.
DROP POLICY patient_isolation ON patients;
CREATE POLICY patient_isolation ON patients
  USING (organization_id = tenancy.current_organization_id()
         AND (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR id = tenancy.current_patient_id()))
  WITH CHECK (organization_id = tenancy.current_organization_id()
         AND (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR id = tenancy.current_patient_id()));

-- A specialist user updates only the specialist profile linked to them.
CREATE POLICY specialist_self_edit ON specialists AS RESTRICTIVE FOR UPDATE
  USING (tenancy.current_member_role() IS DISTINCT FROM 'specialist' OR user_id = tenancy.current_user_id());

-- One live patient record and one specialist profile per user account and organization.
CREATE UNIQUE INDEX patients_organization_user_key ON patients (organization_id, user_id)
  WHERE user_id IS NOT NULL AND archived_at IS NULL;
CREATE UNIQUE INDEX specialists_organization_user_key ON specialists (organization_id, user_id)
  WHERE user_id IS NOT NULL;

-- Onboarding: a patient is active exactly when onboarded_at is set; steps are a JSON array.
ALTER TABLE patients ADD CONSTRAINT patients_active_onboarded CHECK ((status = 'active') = (onboarded_at IS NOT NULL));
ALTER TABLE patients ADD CONSTRAINT patients_onboarding_steps_array CHECK (jsonb_typeof(onboarding_steps) = 'array');

-- A specialist and a specialty are linked only within one organization.
ALTER TABLE specialists ADD CONSTRAINT specialists_id_organization_key UNIQUE (id, organization_id);
ALTER TABLE specialties ADD CONSTRAINT specialties_id_organization_key UNIQUE (id, organization_id);
ALTER TABLE specialist_specialties
  ADD CONSTRAINT specialist_specialties_specialist_organization_fkey
    FOREIGN KEY (specialist_id, organization_id) REFERENCES specialists (id, organization_id) ON DELETE CASCADE,
  ADD CONSTRAINT specialist_specialties_specialty_organization_fkey
    FOREIGN KEY (specialty_id, organization_id) REFERENCES specialties (id, organization_id) ON DELETE CASCADE;

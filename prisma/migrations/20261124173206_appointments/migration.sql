-- CreateEnum
CREATE TYPE "appointment_actor" AS ENUM ('patient', 'staff', 'system');

-- CreateEnum
CREATE TYPE "appointment_source" AS ENUM ('staff', 'patient', 'widget');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "appointment_status" ADD VALUE 'upcoming';
ALTER TYPE "appointment_status" ADD VALUE 'in_progress';
ALTER TYPE "appointment_status" ADD VALUE 'done';
ALTER TYPE "appointment_status" ADD VALUE 'no_show';

-- AlterTable
ALTER TABLE "appointments" ADD COLUMN     "booked_by_user_id" UUID,
ADD COLUMN     "cancellation_reason" TEXT,
ADD COLUMN     "cancelled_at" TIMESTAMPTZ(3),
ADD COLUMN     "cancelled_by" "appointment_actor",
ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "onboarding_incomplete" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "patient_service_plan_id" UUID,
ADD COLUMN     "reschedule_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "source" "appointment_source" NOT NULL DEFAULT 'staff',
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "video_room_name" TEXT,
ADD COLUMN     "video_room_url" TEXT;

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "requires_plan_session" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "appointment_add_ons" (
    "organization_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_add_ons_pkey" PRIMARY KEY ("appointment_id","service_id")
);

-- CreateTable
CREATE TABLE "appointment_history" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "from_status" "appointment_status",
    "to_status" "appointment_status" NOT NULL,
    "actor" "appointment_actor" NOT NULL,
    "actor_user_id" UUID,
    "reason" TEXT,
    "previous_start_at" TIMESTAMPTZ(3),
    "previous_end_at" TIMESTAMPTZ(3),
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_files" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_user_id" UUID,
    "uploaded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "appointment_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "appointment_add_ons_service_id_idx" ON "appointment_add_ons"("service_id");

-- CreateIndex
CREATE INDEX "appointment_history_appointment_id_occurred_at_idx" ON "appointment_history"("appointment_id", "occurred_at");

-- CreateIndex
CREATE INDEX "appointment_files_appointment_id_created_at_idx" ON "appointment_files"("appointment_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_reviews_appointment_id_key" ON "appointment_reviews"("appointment_id");

-- CreateIndex
CREATE INDEX "appointment_reviews_specialist_id_created_at_idx" ON "appointment_reviews"("specialist_id", "created_at");

-- CreateIndex
CREATE INDEX "appointments_patient_id_start_at_idx" ON "appointments"("patient_id", "start_at");

-- CreateIndex
CREATE UNIQUE INDEX "appointments_organization_id_idempotency_key_key" ON "appointments"("organization_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_service_plan_id_fkey" FOREIGN KEY ("patient_service_plan_id") REFERENCES "patient_service_plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_user_id_fkey" FOREIGN KEY ("booked_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_add_ons" ADD CONSTRAINT "appointment_add_ons_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_add_ons" ADD CONSTRAINT "appointment_add_ons_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_add_ons" ADD CONSTRAINT "appointment_add_ons_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_history" ADD CONSTRAINT "appointment_history_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_history" ADD CONSTRAINT "appointment_history_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_files" ADD CONSTRAINT "appointment_files_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_files" ADD CONSTRAINT "appointment_files_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reviews" ADD CONSTRAINT "appointment_reviews_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reviews" ADD CONSTRAINT "appointment_reviews_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reviews" ADD CONSTRAINT "appointment_reviews_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_reviews" ADD CONSTRAINT "appointment_reviews_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

SELECT tenancy.protect('appointment_add_ons');
SELECT tenancy.protect('appointment_history');
SELECT tenancy.protect('appointment_files');
SELECT tenancy.protect('appointment_reviews');

-- A patient scope sees and touches only its own appointments (and their add-ons, history, files,
-- reviews). Only the API role: the booking-widget role keeps seeing every booked time as busy.
CREATE POLICY appointment_patient_scope ON appointments AS RESTRICTIVE TO clinicgraph_app
  USING (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR patient_id = tenancy.current_patient_id())
  WITH CHECK (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR patient_id = tenancy.current_patient_id());
DO $$
DECLARE tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['appointment_add_ons', 'appointment_history', 'appointment_files'] LOOP
    EXECUTE format('CREATE POLICY appointment_patient_scope ON %I AS RESTRICTIVE TO clinicgraph_app '
      'USING (tenancy.current_member_role() IS DISTINCT FROM ''patient'' '
      'OR appointment_id IN (SELECT id FROM appointments WHERE patient_id = tenancy.current_patient_id())) '
      'WITH CHECK (tenancy.current_member_role() IS DISTINCT FROM ''patient'' '
      'OR appointment_id IN (SELECT id FROM appointments WHERE patient_id = tenancy.current_patient_id()))', tbl);
  END LOOP;
END $$;
CREATE POLICY appointment_patient_scope ON appointment_reviews AS RESTRICTIVE TO clinicgraph_app
  USING (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR patient_id = tenancy.current_patient_id())
  WITH CHECK (tenancy.current_member_role() IS DISTINCT FROM 'patient' OR patient_id = tenancy.current_patient_id());

-- No double booking, whatever the cache says: a specialist's busy times (each appointment with
-- the buffers it was booked with) never overlap among appointments that are not cancelled.
-- (timestamptz - interval is only STABLE in general; with whole minutes it does not depend on
-- the time zone, so this wrapper may be IMMUTABLE, as an index expression must be.)
CREATE FUNCTION appointment_busy_range(start_at timestamptz, end_at timestamptz, before_minutes int, after_minutes int)
  RETURNS tstzrange LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT tstzrange(start_at - make_interval(mins => before_minutes), end_at + make_interval(mins => after_minutes), '[)')
  $$;
ALTER TABLE appointments ADD CONSTRAINT appointments_no_double_booking
  EXCLUDE USING gist (specialist_id WITH =,
    appointment_busy_range(start_at, end_at, buffer_before_minutes, buffer_after_minutes) WITH &&)
  WHERE (status <> 'cancelled');

-- The API validates first; these are the backstop.
ALTER TABLE appointments
  ADD CONSTRAINT appointments_cancelled_check CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  ADD CONSTRAINT appointments_reschedule_count_check CHECK (reschedule_count >= 0),
  ADD CONSTRAINT appointments_notes_check CHECK (char_length(notes) <= 2000),
  ADD CONSTRAINT appointments_idempotency_key_check CHECK (char_length(idempotency_key) BETWEEN 1 AND 255);
ALTER TABLE appointment_reviews
  ADD CONSTRAINT appointment_reviews_rating_check CHECK (rating BETWEEN 1 AND 5),
  ADD CONSTRAINT appointment_reviews_comment_check CHECK (char_length(comment) <= 2000);
ALTER TABLE appointment_files
  ADD CONSTRAINT appointment_files_size_check CHECK (size_bytes > 0);

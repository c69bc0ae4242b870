-- CreateEnum
CREATE TYPE "calendar_kind" AS ENUM ('default', 'campaign', 'promotion');

-- CreateEnum
CREATE TYPE "campaign_mode" AS ENUM ('replace', 'narrow');

-- CreateEnum
CREATE TYPE "appointment_status" AS ENUM ('booked', 'cancelled');

-- CreateTable
CREATE TABLE "calendars" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "calendar_kind" NOT NULL DEFAULT 'default',
    "slot_interval_minutes" INTEGER NOT NULL,
    "buffer_before_minutes" INTEGER NOT NULL DEFAULT 0,
    "buffer_after_minutes" INTEGER NOT NULL DEFAULT 0,
    "minimum_notice_minutes" INTEGER NOT NULL DEFAULT 0,
    "booking_horizon_days" INTEGER NOT NULL DEFAULT 60,
    "max_bookings_per_day_per_specialist" INTEGER,
    "timezone" TEXT NOT NULL,
    "slug" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "campaign_valid_from" TIMESTAMPTZ(3),
    "campaign_valid_to" TIMESTAMPTZ(3),
    "campaign_mode" "campaign_mode",
    "campaign_hours" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_specialists" (
    "organization_id" UUID NOT NULL,
    "calendar_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_specialists_pkey" PRIMARY KEY ("calendar_id","specialist_id")
);

-- CreateTable
CREATE TABLE "calendar_forms" (
    "organization_id" UUID NOT NULL,
    "calendar_id" UUID NOT NULL,
    "form_template_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_forms_pkey" PRIMARY KEY ("calendar_id","form_template_id")
);

-- CreateTable
CREATE TABLE "specialist_weekly_hours" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "specialist_weekly_hours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialist_schedule_overrides" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "ranges" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "specialist_schedule_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialist_assignment_tracking" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "calendar_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "hold_token" TEXT,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "specialist_assignment_tracking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "calendar_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "patient_id" UUID,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "buffer_before_minutes" INTEGER NOT NULL DEFAULT 0,
    "buffer_after_minutes" INTEGER NOT NULL DEFAULT 0,
    "status" "appointment_status" NOT NULL DEFAULT 'booked',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "appointments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendars_slug_key" ON "calendars"("slug");

-- CreateIndex
CREATE INDEX "calendars_organization_id_service_id_idx" ON "calendars"("organization_id", "service_id");

-- CreateIndex
CREATE INDEX "calendars_organization_id_created_at_idx" ON "calendars"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "calendar_specialists_specialist_id_idx" ON "calendar_specialists"("specialist_id");

-- CreateIndex
CREATE INDEX "calendar_forms_form_template_id_idx" ON "calendar_forms"("form_template_id");

-- CreateIndex
CREATE INDEX "specialist_weekly_hours_specialist_id_weekday_start_minute_idx" ON "specialist_weekly_hours"("specialist_id", "weekday", "start_minute");

-- CreateIndex
CREATE UNIQUE INDEX "specialist_schedule_overrides_specialist_id_date_key" ON "specialist_schedule_overrides"("specialist_id", "date");

-- CreateIndex
CREATE INDEX "specialist_assignment_tracking_calendar_id_assigned_at_idx" ON "specialist_assignment_tracking"("calendar_id", "assigned_at");

-- CreateIndex
CREATE INDEX "specialist_assignment_tracking_specialist_id_idx" ON "specialist_assignment_tracking"("specialist_id");

-- CreateIndex
CREATE INDEX "appointments_specialist_id_start_at_idx" ON "appointments"("specialist_id", "start_at");

-- CreateIndex
CREATE INDEX "appointments_calendar_id_start_at_idx" ON "appointments"("calendar_id", "start_at");

-- CreateIndex
CREATE INDEX "appointments_organization_id_start_at_idx" ON "appointments"("organization_id", "start_at");

-- AddForeignKey
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_specialists" ADD CONSTRAINT "calendar_specialists_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_specialists" ADD CONSTRAINT "calendar_specialists_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_specialists" ADD CONSTRAINT "calendar_specialists_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_forms" ADD CONSTRAINT "calendar_forms_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_forms" ADD CONSTRAINT "calendar_forms_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_weekly_hours" ADD CONSTRAINT "specialist_weekly_hours_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_weekly_hours" ADD CONSTRAINT "specialist_weekly_hours_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_schedule_overrides" ADD CONSTRAINT "specialist_schedule_overrides_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_schedule_overrides" ADD CONSTRAINT "specialist_schedule_overrides_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_assignment_tracking" ADD CONSTRAINT "specialist_assignment_tracking_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_assignment_tracking" ADD CONSTRAINT "specialist_assignment_tracking_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialist_assignment_tracking" ADD CONSTRAINT "specialist_assignment_tracking_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

SELECT tenancy.protect('calendars');
SELECT tenancy.protect('calendar_specialists');
SELECT tenancy.protect('calendar_forms');
SELECT tenancy.protect('specialist_weekly_hours');
SELECT tenancy.protect('specialist_schedule_overrides');
SELECT tenancy.protect('specialist_assignment_tracking');
SELECT tenancy.protect('appointments');

-- The API validates first; these are the backstop.
ALTER TABLE calendars
  ADD CONSTRAINT calendars_slot_interval_check CHECK (slot_interval_minutes BETWEEN 1 AND 1440),
  ADD CONSTRAINT calendars_buffers_check CHECK (buffer_before_minutes BETWEEN 0 AND 1440 AND buffer_after_minutes BETWEEN 0 AND 1440),
  ADD CONSTRAINT calendars_notice_check CHECK (minimum_notice_minutes BETWEEN 0 AND 525600),
  ADD CONSTRAINT calendars_horizon_check CHECK (booking_horizon_days BETWEEN 1 AND 730),
  ADD CONSTRAINT calendars_daily_cap_check CHECK (max_bookings_per_day_per_specialist >= 1),
  ADD CONSTRAINT calendars_slug_check CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
  -- A campaign calendar has its window, mode and hours; no other calendar has any of them.
  ADD CONSTRAINT calendars_campaign_check CHECK (CASE WHEN kind = 'campaign'
    THEN campaign_valid_from IS NOT NULL AND campaign_valid_to IS NOT NULL AND campaign_mode IS NOT NULL AND campaign_hours IS NOT NULL
    ELSE campaign_valid_from IS NULL AND campaign_valid_to IS NULL AND campaign_mode IS NULL AND campaign_hours IS NULL END),
  ADD CONSTRAINT calendars_campaign_window_check CHECK (campaign_valid_to > campaign_valid_from),
  ADD CONSTRAINT calendars_campaign_hours_check CHECK (jsonb_typeof(campaign_hours) = 'array');
ALTER TABLE calendar_specialists ADD CONSTRAINT calendar_specialists_weight_check CHECK (weight BETWEEN 1 AND 100);

-- Weekly ranges of one specialist never overlap on the same weekday.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE specialist_weekly_hours
  ADD CONSTRAINT specialist_weekly_hours_weekday_check CHECK (weekday BETWEEN 1 AND 7),
  ADD CONSTRAINT specialist_weekly_hours_range_check CHECK (start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440),
  ADD CONSTRAINT specialist_weekly_hours_no_overlap
    EXCLUDE USING gist (specialist_id WITH =, weekday WITH =, int4range(start_minute, end_minute) WITH &&);
ALTER TABLE specialist_schedule_overrides
  ADD CONSTRAINT specialist_schedule_overrides_ranges_check CHECK (jsonb_typeof(ranges) = 'array');
ALTER TABLE appointments
  ADD CONSTRAINT appointments_period_check CHECK (end_at > start_at),
  ADD CONSTRAINT appointments_buffers_check CHECK (buffer_before_minutes >= 0 AND buffer_after_minutes >= 0);

-- Booking widgets are anonymous. They reach a calendar's organization only through this function,
-- and only for a published calendar (active, with a slug); the API then reads and writes for them
-- as clinicgraph_widget, scoped to that organization by the same row-level security policies.
CREATE FUNCTION tenancy.published_calendar(calendar uuid, calendar_slug text)
  RETURNS TABLE (calendar_id uuid, organization_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT c.id, c.organization_id FROM calendars c
    WHERE c.active AND c.slug IS NOT NULL AND (c.id = calendar OR c.slug = calendar_slug)
  $$;
REVOKE ALL ON FUNCTION tenancy.published_calendar FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenancy.published_calendar TO clinicgraph_app;

-- What availability needs and nothing more: no patient data, no other tables, no updates or deletes.
-- The API role may switch to it (SET LOCAL ROLE, per transaction).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clinicgraph_widget') THEN
    CREATE ROLE clinicgraph_widget NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT clinicgraph_widget TO clinicgraph_app;
GRANT USAGE ON SCHEMA public, tenancy TO clinicgraph_widget;
GRANT SELECT ON calendars, calendar_specialists, specialist_weekly_hours, specialist_schedule_overrides TO clinicgraph_widget;
GRANT SELECT (id, organization_id, first_name, last_name, timezone, active) ON specialists TO clinicgraph_widget;
GRANT SELECT (id, organization_id, name, duration_minutes, active) ON services TO clinicgraph_widget;
GRANT SELECT (id, organization_id, calendar_id, specialist_id, start_at, end_at, buffer_before_minutes,
  buffer_after_minutes, status) ON appointments TO clinicgraph_widget;
GRANT SELECT, INSERT ON specialist_assignment_tracking TO clinicgraph_widget;
GRANT INSERT ON audit_log TO clinicgraph_widget;

-- CreateTable
CREATE TABLE "diagnostic_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "diagnostic_events_pkey" PRIMARY KEY ("id")
);

-- Hand-written SQL (row-level security, constraints, grants) below.

-- The role API requests run as. It owns nothing and cannot bypass row-level security;
-- migrations grant it exactly what it may touch.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clinicgraph_app') THEN
    CREATE ROLE clinicgraph_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO clinicgraph_app;

-- Request context, set per transaction by the API (set_config(..., true)).
CREATE SCHEMA tenancy;
GRANT USAGE ON SCHEMA tenancy TO clinicgraph_app;

CREATE FUNCTION tenancy.current_organization_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$;
CREATE FUNCTION tenancy.current_user_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- Jobs are enqueued in the same transaction as the change that causes them. The API role
-- gets this one function instead of rights on graphile-worker's tables.
CREATE FUNCTION tenancy.enqueue_job(
  identifier text,
  payload json,
  run_at timestamptz DEFAULT NULL,
  job_key text DEFAULT NULL,
  max_attempts int DEFAULT NULL,
  queue_name text DEFAULT NULL
) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  job graphile_worker._private_jobs;
BEGIN
  job := graphile_worker.add_job(identifier, payload, queue_name => queue_name, run_at => run_at,
                                 max_attempts => max_attempts, job_key => job_key);
  RETURN job.id;
END $$;
REVOKE ALL ON FUNCTION tenancy.enqueue_job FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenancy.enqueue_job TO clinicgraph_app;

GRANT SELECT, INSERT ON diagnostic_events TO clinicgraph_app;

-- Domain events become a platform service (src/events/): `webhook_events` is the outbox of every
-- subscriber, renamed `domain_events` with its rows, and gains each event's causation; the
-- webhooks' fan-out queue (`webhook_fan_outs`) becomes one queue of every subscriber
-- (`event_deliveries`), its rows kept as the `webhooks` subscriber's.
-- Written by hand: the generated diff would drop and re-create the tables.

-- RenameTable (and its constraints and index, as Prisma names them)
ALTER TABLE "webhook_events" RENAME TO "domain_events";
ALTER TABLE "domain_events" RENAME CONSTRAINT "webhook_events_pkey" TO "domain_events_pkey";
ALTER TABLE "domain_events" RENAME CONSTRAINT "webhook_events_organization_id_fkey" TO "domain_events_organization_id_fkey";
ALTER INDEX "webhook_events_organization_id_created_at_idx" RENAME TO "domain_events_organization_id_created_at_idx";

-- AlterTable
ALTER TABLE "domain_events" ADD COLUMN     "cause_event_id" UUID,
ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "job_id" BIGINT,
ADD COLUMN     "job_task" TEXT,
ADD COLUMN     "request_id" TEXT;

-- CreateTable
CREATE TABLE "event_deliveries" (
    "subscriber" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "position" BIGSERIAL NOT NULL,

    CONSTRAINT "event_deliveries_pkey" PRIMARY KEY ("subscriber","event_id")
);

-- CreateIndex
CREATE INDEX "event_deliveries_subscriber_organization_id_position_idx" ON "event_deliveries"("subscriber", "organization_id", "position");

-- AddForeignKey
ALTER TABLE "event_deliveries" ADD CONSTRAINT "event_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "domain_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

-- `domain_events` keeps its row-level security policy, its grants (append-only for the API role)
-- and the foreign key of `webhook_deliveries` through the rename.

-- A request or a job, never both; a cause event exactly when the event is a step deeper.
ALTER TABLE domain_events ADD CONSTRAINT domain_events_cause_check
  CHECK ((request_id IS NULL OR job_id IS NULL) AND depth >= 0 AND (cause_event_id IS NULL) = (depth = 0));

-- Events waiting for their subscribers: the API role writes them with the event, only the
-- worker (owner connection) reads and deletes them.
SELECT tenancy.protect('event_deliveries');
REVOKE SELECT, UPDATE, DELETE ON event_deliveries FROM clinicgraph_app;
GRANT USAGE ON SEQUENCE event_deliveries_position_seq TO clinicgraph_app;
ALTER TABLE event_deliveries ADD CONSTRAINT event_deliveries_subscriber_check CHECK (subscriber ~ '^[a-z][a-z0-9_]*$');

-- Wakes a subscriber's job of an organization (`<task>` keyed and queued `events:<subscriber>:<organization>`)
-- from a transaction that queued an `event_deliveries` row for it, without a job per event and
-- without making concurrent emitters wait for one another. When such a job is queued and not
-- started, the emitter counts on it: it holds a shared lock named after that job until it
-- commits, and the job, once started, takes the same lock exclusively before its first read (a
-- barrier that waits for exactly the emitters that counted on it). The job is checked again once
-- the lock is held: if it started meanwhile, the emitter looks again. Otherwise it queues a job,
-- which commits with its event. Jobs run in their own queue, so a subscriber handles an
-- organization's events serially, in order, and independently of every other subscriber.
CREATE FUNCTION tenancy.wake_event_subscriber(subscriber text, task text, organization_id uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  subscriber_key text := 'events:' || subscriber || ':' || organization_id;
  waiting bigint;
BEGIN
  LOOP
    SELECT j.id INTO waiting FROM graphile_worker._private_jobs j WHERE j.key = subscriber_key AND j.is_available;
    IF waiting IS NULL THEN
      PERFORM graphile_worker.add_job(task, json_build_object('organizationId', organization_id),
        queue_name => subscriber_key, job_key => subscriber_key);
      RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('events-job:' || waiting, 0));
    IF EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.id = waiting AND j.is_available) THEN
      RETURN;
    END IF;
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION tenancy.wake_event_subscriber FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenancy.wake_event_subscriber TO clinicgraph_app;

-- The webhooks' queued events become the `webhooks` subscriber's, in their order; their fan-out
-- jobs not started yet are replaced by the subscriber's (same task, new key and queue).
INSERT INTO event_deliveries (subscriber, event_id, organization_id)
  SELECT 'webhooks', event_id, organization_id FROM webhook_fan_outs ORDER BY position;
DROP TABLE webhook_fan_outs;
DROP FUNCTION tenancy.wake_webhook_fan_out(uuid);
DO $$
BEGIN
  IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
    DELETE FROM graphile_worker._private_jobs j USING graphile_worker._private_tasks t
      WHERE t.id = j.task_id AND t.identifier = 'fan_out_webhook_events' AND j.key LIKE 'webhook-fan-out:%'
        AND j.locked_at IS NULL;
    PERFORM tenancy.wake_event_subscriber('webhooks', 'fan_out_webhook_events', organization_id)
      FROM (SELECT DISTINCT organization_id FROM event_deliveries) o;
  END IF;
END $$;

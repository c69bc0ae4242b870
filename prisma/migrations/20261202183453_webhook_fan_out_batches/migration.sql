-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "position" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "webhook_fan_outs" (
    "event_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "position" BIGSERIAL NOT NULL,

    CONSTRAINT "webhook_fan_outs_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "webhook_fan_outs_organization_id_position_idx" ON "webhook_fan_outs"("organization_id", "position");

-- AddForeignKey
ALTER TABLE "webhook_fan_outs" ADD CONSTRAINT "webhook_fan_outs_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

-- Events waiting for their fan-out: the API role writes them with the event, only the worker
-- (owner connection) reads and deletes them.
SELECT tenancy.protect('webhook_fan_outs');
REVOKE SELECT, UPDATE, DELETE ON webhook_fan_outs FROM clinicgraph_app;
GRANT USAGE ON SEQUENCE webhook_fan_outs_position_seq, webhook_deliveries_position_seq TO clinicgraph_app;

-- The delivery queue: an endpoint's due attempts, oldest first, then in the order they were scheduled.
DROP INDEX webhook_deliveries_pending_idx;
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (subscription_id, due_at, position)
  WHERE status = 'pending';

-- Wakes an organization's fan-out from a transaction that wrote a `webhook_fan_outs` row, without
-- queueing a job per event and without making concurrent emitters wait for one another. When a
-- fan-out job is queued and not started, the emitter counts on it: it holds a shared lock named
-- after that job until it commits, and the job, once started, takes the same lock exclusively
-- before its first read (a barrier that waits for exactly the emitters that counted on it). The
-- job is checked again once the lock is held: if it started meanwhile, the emitter looks again.
-- Otherwise it queues a job, which commits with its event. Jobs run in the organization's own
-- queue, so fan-outs of one organization are serial, in order.
CREATE FUNCTION tenancy.wake_webhook_fan_out(organization_id uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  fan_out_key text := 'webhook-fan-out:' || organization_id;
  waiting bigint;
BEGIN
  LOOP
    SELECT j.id INTO waiting FROM graphile_worker._private_jobs j WHERE j.key = fan_out_key AND j.is_available;
    IF waiting IS NULL THEN
      PERFORM graphile_worker.add_job('fan_out_webhook_events', json_build_object('organizationId', organization_id),
        queue_name => fan_out_key, job_key => fan_out_key);
      RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('webhook-fan-out-job:' || waiting, 0));
    IF EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.id = waiting AND j.is_available) THEN
      RETURN;
    END IF;
  END LOOP;
END $$;
REVOKE ALL ON FUNCTION tenancy.wake_webhook_fan_out FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenancy.wake_webhook_fan_out TO clinicgraph_app;

-- Per-event fan-out jobs queued before this migration: their events join the new queue.
DO $$
BEGIN
  IF to_regclass('graphile_worker._private_jobs') IS NOT NULL THEN
    EXECUTE $sql$
      WITH old AS (
        DELETE FROM graphile_worker._private_jobs j USING graphile_worker._private_tasks t
        WHERE t.id = j.task_id AND t.identifier = 'fan_out_webhook_event' AND j.locked_at IS NULL
        RETURNING (j.payload->>'eventId')::uuid AS event_id
      ), queued AS (
        INSERT INTO webhook_fan_outs (event_id, organization_id)
        SELECT e.id, e.organization_id FROM old JOIN webhook_events e ON e.id = old.event_id
        ORDER BY e.created_at, e.id
        ON CONFLICT DO NOTHING
        RETURNING organization_id
      )
      SELECT tenancy.wake_webhook_fan_out(organization_id) FROM (SELECT DISTINCT organization_id FROM queued) o
    $sql$;
  END IF;
END $$;

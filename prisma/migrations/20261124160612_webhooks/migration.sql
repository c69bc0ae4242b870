-- CreateEnum
CREATE TYPE "webhook_disabled_reason" AS ENUM ('manual', 'gone', 'failing');

-- CreateEnum
CREATE TYPE "webhook_delivery_trigger" AS ENUM ('event', 'replay', 'ping');

-- CreateEnum
CREATE TYPE "webhook_delivery_status" AS ENUM ('pending', 'succeeded', 'retrying', 'failed');

-- CreateTable
CREATE TABLE "webhook_subscriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "event_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" "webhook_disabled_reason",
    "disabled_at" TIMESTAMPTZ(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "secrets_encrypted" TEXT NOT NULL,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "delivery_queued_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "trigger" "webhook_delivery_trigger" NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" "webhook_delivery_status" NOT NULL DEFAULT 'pending',
    "due_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempted_at" TIMESTAMPTZ(3),
    "status_code" INTEGER,
    "duration_ms" INTEGER,
    "response_excerpt" TEXT,
    "error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_subscriptions_organization_id_created_at_idx" ON "webhook_subscriptions"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_events_organization_id_created_at_idx" ON "webhook_events"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries"("subscription_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries"("event_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_organization_id_created_at_idx" ON "webhook_deliveries"("organization_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_events"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

SELECT tenancy.protect('webhook_subscriptions');
SELECT tenancy.protect('webhook_events');
SELECT tenancy.protect('webhook_deliveries');
-- Events are append-only for the API role. It schedules deliveries (ping, replay); only the
-- worker (owner connection) makes and records them.
REVOKE UPDATE, DELETE ON webhook_events FROM clinicgraph_app;
REVOKE UPDATE, DELETE ON webhook_deliveries FROM clinicgraph_app;

ALTER TABLE webhook_subscriptions ALTER COLUMN event_types SET NOT NULL;
ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_disabled_check
  CHECK (enabled = (disabled_reason IS NULL) AND enabled = (disabled_at IS NULL));
ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_failures_check CHECK (consecutive_failures >= 0);

ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_attempt_check CHECK (attempt >= 1);
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_made_check
  CHECK ((status = 'pending') = (attempted_at IS NULL) AND (status = 'pending') = (duration_ms IS NULL));
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_retry_check
  CHECK ((status = 'retrying') = (next_attempt_at IS NOT NULL));
-- The delivery queue: an endpoint's due attempts, oldest first.
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (subscription_id, due_at) WHERE status = 'pending';
-- An event is scheduled once per endpoint, even if its fan-out job runs twice.
CREATE UNIQUE INDEX webhook_deliveries_event_attempt_key ON webhook_deliveries (subscription_id, event_id, attempt)
  WHERE trigger = 'event';

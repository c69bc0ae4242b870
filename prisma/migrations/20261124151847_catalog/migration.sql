-- CreateEnum
CREATE TYPE "billing_model" AS ENUM ('session_based', 'time_based', 'hybrid');

-- CreateEnum
CREATE TYPE "delivery_mode" AS ENUM ('in_clinic', 'telehealth');

-- CreateEnum
CREATE TYPE "access_grant" AS ENUM ('telerehab_access', 'library_access');

-- CreateEnum
CREATE TYPE "patient_service_plan_status" AS ENUM ('active', 'exhausted', 'expired', 'cancelled');

-- CreateEnum
CREATE TYPE "product_kind" AS ENUM ('physical', 'digital');

-- CreateEnum
CREATE TYPE "product_order_status" AS ENUM ('pending', 'paid', 'fulfilled', 'cancelled', 'refunded');

-- CreateTable
CREATE TABLE "services" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "duration_minutes" INTEGER NOT NULL,
    "delivery_mode" "delivery_mode" NOT NULL,
    "billing_model" "billing_model" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "price_per_session" INTEGER,
    "base_price" INTEGER,
    "price_per_unit" INTEGER,
    "unit_minutes" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_specialists" (
    "organization_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "specialist_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_specialists_pkey" PRIMARY KEY ("service_id","specialist_id")
);

-- CreateTable
CREATE TABLE "service_attachments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_add_ons" (
    "organization_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "add_on_service_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_add_ons_pkey" PRIMARY KEY ("service_id","add_on_service_id")
);

-- CreateTable
CREATE TABLE "service_forms" (
    "organization_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "form_template_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_forms_pkey" PRIMARY KEY ("service_id","form_template_id")
);

-- CreateTable
CREATE TABLE "service_plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "validity_days" INTEGER NOT NULL,
    "access_grants" "access_grant"[] DEFAULT ARRAY[]::"access_grant"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_plan_services" (
    "organization_id" UUID NOT NULL,
    "service_plan_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "sessions" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_plan_services_pkey" PRIMARY KEY ("service_plan_id","service_id")
);

-- CreateTable
CREATE TABLE "patient_service_plans" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "service_plan_id" UUID NOT NULL,
    "status" "patient_service_plan_status" NOT NULL DEFAULT 'active',
    "price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "access_grants" "access_grant"[] DEFAULT ARRAY[]::"access_grant"[],
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patient_service_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "patient_service_plan_balances" (
    "organization_id" UUID NOT NULL,
    "patient_service_plan_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "sessions_included" INTEGER NOT NULL,
    "sessions_remaining" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patient_service_plan_balances_pkey" PRIMARY KEY ("patient_service_plan_id","service_id")
);

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "product_kind" NOT NULL,
    "sku" TEXT,
    "price" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_plan_products" (
    "organization_id" UUID NOT NULL,
    "service_plan_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_plan_products_pkey" PRIMARY KEY ("service_plan_id","product_id")
);

-- CreateTable
CREATE TABLE "patient_product_orders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "patient_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "product_order_status" NOT NULL DEFAULT 'pending',
    "note" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "fulfilled_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "refunded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "patient_product_orders_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "services_organization_id_active_name_idx" ON "services"("organization_id", "active", "name");

-- CreateIndex
CREATE UNIQUE INDEX "services_organization_id_name_key" ON "services"("organization_id", "name");

-- CreateIndex
CREATE INDEX "service_specialists_specialist_id_idx" ON "service_specialists"("specialist_id");

-- CreateIndex
CREATE INDEX "service_attachments_service_id_created_at_idx" ON "service_attachments"("service_id", "created_at");

-- CreateIndex
CREATE INDEX "service_add_ons_add_on_service_id_idx" ON "service_add_ons"("add_on_service_id");

-- CreateIndex
CREATE INDEX "service_forms_form_template_id_idx" ON "service_forms"("form_template_id");

-- CreateIndex
CREATE INDEX "service_plans_organization_id_active_name_idx" ON "service_plans"("organization_id", "active", "name");

-- CreateIndex
CREATE UNIQUE INDEX "service_plans_organization_id_name_key" ON "service_plans"("organization_id", "name");

-- CreateIndex
CREATE INDEX "service_plan_services_service_id_idx" ON "service_plan_services"("service_id");

-- CreateIndex
CREATE INDEX "patient_service_plans_organization_id_patient_id_status_idx" ON "patient_service_plans"("organization_id", "patient_id", "status");

-- CreateIndex
CREATE INDEX "patient_service_plans_service_plan_id_idx" ON "patient_service_plans"("service_plan_id");

-- CreateIndex
CREATE INDEX "patient_service_plan_balances_service_id_idx" ON "patient_service_plan_balances"("service_id");

-- CreateIndex
CREATE INDEX "products_organization_id_active_name_idx" ON "products"("organization_id", "active", "name");

-- CreateIndex
CREATE UNIQUE INDEX "products_organization_id_sku_key" ON "products"("organization_id", "sku");

-- CreateIndex
CREATE INDEX "service_plan_products_product_id_idx" ON "service_plan_products"("product_id");

-- CreateIndex
CREATE INDEX "patient_product_orders_organization_id_patient_id_created_a_idx" ON "patient_product_orders"("organization_id", "patient_id", "created_at");

-- CreateIndex
CREATE INDEX "patient_product_orders_organization_id_status_created_at_idx" ON "patient_product_orders"("organization_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "patient_product_orders_product_id_idx" ON "patient_product_orders"("product_id");

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_specialists" ADD CONSTRAINT "service_specialists_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_specialists" ADD CONSTRAINT "service_specialists_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_specialists" ADD CONSTRAINT "service_specialists_specialist_id_fkey" FOREIGN KEY ("specialist_id") REFERENCES "specialists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_attachments" ADD CONSTRAINT "service_attachments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_attachments" ADD CONSTRAINT "service_attachments_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_add_ons" ADD CONSTRAINT "service_add_ons_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_add_ons" ADD CONSTRAINT "service_add_ons_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_add_ons" ADD CONSTRAINT "service_add_ons_add_on_service_id_fkey" FOREIGN KEY ("add_on_service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_forms" ADD CONSTRAINT "service_forms_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_forms" ADD CONSTRAINT "service_forms_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plans" ADD CONSTRAINT "service_plans_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plan_services" ADD CONSTRAINT "service_plan_services_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plan_services" ADD CONSTRAINT "service_plan_services_service_plan_id_fkey" FOREIGN KEY ("service_plan_id") REFERENCES "service_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plan_services" ADD CONSTRAINT "service_plan_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_service_plans" ADD CONSTRAINT "patient_service_plans_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_service_plans" ADD CONSTRAINT "patient_service_plans_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_service_plans" ADD CONSTRAINT "patient_service_plans_service_plan_id_fkey" FOREIGN KEY ("service_plan_id") REFERENCES "service_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_service_plan_balances" ADD CONSTRAINT "patient_service_plan_balances_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_service_plan_balances" ADD CONSTRAINT "patient_service_plan_balances_patient_service_plan_id_fkey" FOREIGN KEY ("patient_service_plan_id") REFERENCES "patient_service_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_service_plan_balances" ADD CONSTRAINT "patient_service_plan_balances_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plan_products" ADD CONSTRAINT "service_plan_products_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plan_products" ADD CONSTRAINT "service_plan_products_service_plan_id_fkey" FOREIGN KEY ("service_plan_id") REFERENCES "service_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_plan_products" ADD CONSTRAINT "service_plan_products_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_product_orders" ADD CONSTRAINT "patient_product_orders_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_product_orders" ADD CONSTRAINT "patient_product_orders_patient_id_fkey" FOREIGN KEY ("patient_id") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "patient_product_orders" ADD CONSTRAINT "patient_product_orders_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written SQL (row-level security, constraints, grants) below.

SELECT tenancy.protect('services');
SELECT tenancy.protect('service_specialists');
SELECT tenancy.protect('service_attachments');
SELECT tenancy.protect('service_add_ons');
SELECT tenancy.protect('service_forms');
SELECT tenancy.protect('service_plans');
SELECT tenancy.protect('service_plan_services');
SELECT tenancy.protect('products');
SELECT tenancy.protect('service_plan_products');

-- What a patient bought: a patient user sees only their own (through the patients policy,
-- which shows a patient user nothing but their own record); staff roles see the organization's.
CREATE FUNCTION tenancy.may_see_patient(patient uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT tenancy.current_member_role() IS DISTINCT FROM 'patient'
        OR EXISTS (SELECT 1 FROM patients p WHERE p.id = patient AND p.user_id = tenancy.current_user_id())
  $$;

ALTER TABLE patient_service_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_isolation ON patient_service_plans
  USING (organization_id = tenancy.current_organization_id() AND tenancy.may_see_patient(patient_id))
  WITH CHECK (organization_id = tenancy.current_organization_id() AND tenancy.may_see_patient(patient_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON patient_service_plans TO clinicgraph_app;

ALTER TABLE patient_service_plan_balances ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_isolation ON patient_service_plan_balances
  USING (organization_id = tenancy.current_organization_id()
         AND patient_service_plan_id IN (SELECT id FROM patient_service_plans))
  WITH CHECK (organization_id = tenancy.current_organization_id()
         AND patient_service_plan_id IN (SELECT id FROM patient_service_plans));
GRANT SELECT, INSERT, UPDATE, DELETE ON patient_service_plan_balances TO clinicgraph_app;

ALTER TABLE patient_product_orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_isolation ON patient_product_orders
  USING (organization_id = tenancy.current_organization_id() AND tenancy.may_see_patient(patient_id))
  WITH CHECK (organization_id = tenancy.current_organization_id() AND tenancy.may_see_patient(patient_id));
GRANT SELECT, INSERT, UPDATE, DELETE ON patient_product_orders TO clinicgraph_app;

-- Money is integer minor units with an ISO 4217 code; the API validates first, these are the backstop.
ALTER TABLE services
  ADD CONSTRAINT services_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT services_duration_check CHECK (duration_minutes BETWEEN 1 AND 1440),
  -- (a NULL price passes these; the billing model check below says which may be NULL)
  ADD CONSTRAINT services_prices_check CHECK (price_per_session >= 0 AND base_price >= 0 AND price_per_unit >= 0),
  ADD CONSTRAINT services_unit_minutes_check CHECK (unit_minutes BETWEEN 1 AND 1440),
  -- Each billing model has exactly the price fields it needs.
  ADD CONSTRAINT services_billing_model_check CHECK (CASE billing_model
    WHEN 'session_based' THEN price_per_session IS NOT NULL AND base_price IS NULL AND price_per_unit IS NULL AND unit_minutes IS NULL
    WHEN 'time_based' THEN price_per_session IS NULL AND base_price IS NULL AND price_per_unit IS NOT NULL AND unit_minutes IS NOT NULL
    WHEN 'hybrid' THEN price_per_session IS NULL AND base_price IS NOT NULL AND price_per_unit IS NOT NULL AND unit_minutes IS NOT NULL
  END);
ALTER TABLE service_attachments ADD CONSTRAINT service_attachments_size_check CHECK (size_bytes >= 0);
ALTER TABLE service_add_ons ADD CONSTRAINT service_add_ons_not_itself CHECK (service_id <> add_on_service_id);
ALTER TABLE service_plans
  ADD CONSTRAINT service_plans_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT service_plans_price_check CHECK (price >= 0),
  ADD CONSTRAINT service_plans_validity_check CHECK (validity_days >= 1),
  ALTER COLUMN access_grants SET NOT NULL;
ALTER TABLE service_plan_services ADD CONSTRAINT service_plan_services_sessions_check CHECK (sessions >= 1);
ALTER TABLE service_plan_products ADD CONSTRAINT service_plan_products_quantity_check CHECK (quantity >= 1);
ALTER TABLE patient_service_plans
  ADD CONSTRAINT patient_service_plans_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT patient_service_plans_price_check CHECK (price >= 0),
  ADD CONSTRAINT patient_service_plans_period_check CHECK (expires_at > starts_at),
  ALTER COLUMN access_grants SET NOT NULL;
-- Never below zero, never above what was included: concurrent consumers cannot overdraw.
ALTER TABLE patient_service_plan_balances
  ADD CONSTRAINT patient_service_plan_balances_remaining_check
    CHECK (sessions_remaining >= 0 AND sessions_remaining <= sessions_included);
ALTER TABLE products
  ADD CONSTRAINT products_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT products_price_check CHECK (price >= 0);
ALTER TABLE patient_product_orders
  ADD CONSTRAINT patient_product_orders_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT patient_product_orders_quantity_check CHECK (quantity >= 1),
  ADD CONSTRAINT patient_product_orders_total_check CHECK (unit_price >= 0 AND total = unit_price * quantity);

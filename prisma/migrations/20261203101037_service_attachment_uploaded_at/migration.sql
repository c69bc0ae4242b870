-- AlterTable
ALTER TABLE "service_attachments" ADD COLUMN     "uploaded_at" TIMESTAMPTZ(3);

-- Hand-written SQL (row-level security, constraints, grants) below.

-- Attachments made before the confirm step were answered as files at once: they stay listed.
UPDATE "service_attachments" SET "uploaded_at" = "created_at";

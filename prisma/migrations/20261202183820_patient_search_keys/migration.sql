-- AlterTable
-- Edited by hand from the generated `ADD COLUMN ... TEXT`: Prisma cannot declare generated
-- columns or collations. The search keys (and last_name_order, a copy of last_name that
-- Prisma sees as nullable, for the searched list's order) are computed by PostgreSQL and never written.
ALTER TABLE "patients" ADD COLUMN     "email_search" TEXT COLLATE "C" GENERATED ALWAYS AS (lower("email")) STORED,
ADD COLUMN     "first_name_search" TEXT COLLATE "C" GENERATED ALWAYS AS (lower("first_name")) STORED,
ADD COLUMN     "last_name_order" TEXT GENERATED ALWAYS AS ("last_name") STORED,
ADD COLUMN     "last_name_search" TEXT COLLATE "C" GENERATED ALWAYS AS (lower("last_name")) STORED;

-- Hand-written SQL (row-level security, constraints, grants) below.

-- The patients name search: each word must start the lowercased first name, last name or email.
-- Under row-level security, PostgreSQL uses an index only for conditions that are leakproof
-- (ILIKE and lower() are not, so they were evaluated on every row of the organization). The
-- search compares these keys with a range, `key >= 'sil' AND key < 'sim'`: text comparisons
-- are leakproof, and in collation "C" (code point order) that range is exactly the strings
-- starting with 'sil'. The organization leads each index, so the policy's
-- `organization_id = tenancy.current_organization_id()` and the prefix both go through it.
CREATE INDEX patients_organization_first_name_search_idx ON patients (organization_id, first_name_search);
CREATE INDEX patients_organization_last_name_search_idx ON patients (organization_id, last_name_search);
CREATE INDEX patients_organization_email_search_idx ON patients (organization_id, email_search);

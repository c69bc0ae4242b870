-- This migration changes no table: every schema.prisma model is as before.

-- Hand-written SQL (row-level security, constraints, grants) below.

-- API processes cache who a credential is (user, membership, API key) for a few seconds, and
-- LISTEN on `identity_changed` to forget it. The triggers fire for every writer (mutations,
-- jobs, cascades, an operator's SQL) and NOTIFY is sent at commit only, so a revoked key, a
-- removed member or a changed role is seen by every instance on its next request.
CREATE FUNCTION tenancy.notify_identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('identity_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER users_identity_changed AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION tenancy.notify_identity_changed();
CREATE TRIGGER user_organizations_identity_changed AFTER INSERT OR UPDATE OR DELETE ON user_organizations
  FOR EACH STATEMENT EXECUTE FUNCTION tenancy.notify_identity_changed();
CREATE TRIGGER organization_invitations_identity_changed AFTER INSERT OR UPDATE OR DELETE ON organization_invitations
  FOR EACH STATEMENT EXECUTE FUNCTION tenancy.notify_identity_changed();
-- `last_used_at` is written once a minute per key: that is no change of identity.
CREATE TRIGGER api_keys_identity_changed AFTER UPDATE ON api_keys
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
    OR OLD.role IS DISTINCT FROM NEW.role OR OLD.organization_id IS DISTINCT FROM NEW.organization_id)
  EXECUTE FUNCTION tenancy.notify_identity_changed();
CREATE TRIGGER api_keys_identity_deleted AFTER DELETE ON api_keys
  FOR EACH STATEMENT EXECUTE FUNCTION tenancy.notify_identity_changed();
-- A patient user's identity includes their linked, live patient record.
CREATE TRIGGER patients_identity_changed AFTER UPDATE ON patients
  FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.archived_at IS DISTINCT FROM NEW.archived_at)
  EXECUTE FUNCTION tenancy.notify_identity_changed();
CREATE TRIGGER patients_identity_created AFTER INSERT ON patients
  FOR EACH ROW WHEN (NEW.user_id IS NOT NULL) EXECUTE FUNCTION tenancy.notify_identity_changed();
CREATE TRIGGER patients_identity_deleted AFTER DELETE ON patients
  FOR EACH ROW WHEN (OLD.user_id IS NOT NULL) EXECUTE FUNCTION tenancy.notify_identity_changed();

using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// Hand-written SQL of migration <c>Issue12Login</c>: on PostgreSQL a trigger refuses <c>UPDATE</c>,
/// <c>DELETE</c> and <c>TRUNCATE</c> on the access log (<c>audit_log</c>), so a change needs a deliberate
/// <c>ALTER TABLE … DISABLE TRIGGER</c> by the table's owner, and the hash chain
/// (<see cref="AccessLogChain"/>) shows it afterwards. SQLite has no such guard: there the chain is the
/// evidence. Retention (issue 13) will need a controlled way to delete old lines from the start of the
/// chain past this trigger, and a recorded checkpoint to verify from.
/// </summary>
public static class AccessLogTrigger
{
    public static void Up(MigrationBuilder m, bool postgres)
    {
        if (!postgres) return;
        m.Sql("""
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
            """);
    }

    public static void Down(MigrationBuilder m, bool postgres)
    {
        if (!postgres) return;
        m.Sql("""
            DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
            DROP TRIGGER IF EXISTS audit_log_no_update_or_delete ON audit_log;
            DROP FUNCTION IF EXISTS audit_log_append_only();
            """);
    }
}

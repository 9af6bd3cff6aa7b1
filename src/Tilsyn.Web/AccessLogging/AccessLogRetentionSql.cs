using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.AccessLogging;

/// <summary>
/// Hand-written SQL of migration <c>Issue13Deletion</c>: on PostgreSQL the access log's trigger
/// (<see cref="AccessLogTrigger"/>) still refuses every <c>UPDATE</c> and <c>TRUNCATE</c>, and a <c>DELETE</c>
/// except the controlled pruning of <see cref="AccessLogRetention"/>: inside a transaction that has set
/// <c>tilsyn.access_log_prune</c>, and only of a line an anchor in <c>audit_log_prunes</c> covers (or a line
/// from before the chain began). A stray <c>DELETE</c> of a line in the middle is refused as before.
/// </summary>
public static class AccessLogRetentionSql
{
    public static void Up(MigrationBuilder m, bool postgres)
    {
        if (!postgres) return;
        m.Sql("""
            CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND current_setting('tilsyn.access_log_prune', true) = 'on' THEN
                    IF OLD."Sequence" IS NULL
                        OR EXISTS (SELECT 1 FROM audit_log_prunes p WHERE p."ThroughSequence" >= OLD."Sequence") THEN
                        RETURN OLD;
                    END IF;
                END IF;
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            """);
    }

    public static void Down(MigrationBuilder m, bool postgres)
    {
        if (!postgres) return;
        m.Sql("""
            CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            """);
    }
}

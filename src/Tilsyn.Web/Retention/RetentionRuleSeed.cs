using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.Retention;

/// <summary>
/// Hand-written part of the <c>Issue13Retention</c> migration: the default rule is seeded with id 1
/// (<c>HasData</c> in <see cref="RetentionRuleMapping"/>), which does not move PostgreSQL's identity
/// sequence, so the first rule a user creates would collide with it. SQLite's AUTOINCREMENT already
/// continues after the highest id.
/// </summary>
public static class RetentionRuleSeed
{
    public static void Up(MigrationBuilder m, bool postgres)
    {
        if (postgres)
            m.Sql("SELECT setval(pg_get_serial_sequence('retention_rules', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM retention_rules), 1));");
    }
}

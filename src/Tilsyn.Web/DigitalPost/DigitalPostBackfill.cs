using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.DigitalPost;

/// <summary>
/// Data written by migration <c>Issue14DigitalPost</c>: every existing case with a citizen gets
/// "not exempt from Digital Post" (the column is nullable only because a case without a citizen has
/// none of the citizen's columns). Plain SQL, identical on both databases.
/// </summary>
public static class DigitalPostBackfill
{
    public static void Up(MigrationBuilder m) =>
        m.Sql("UPDATE cases SET citizen_exempt_digital_post = (1 = 0) WHERE citizen_name IS NOT NULL;");
}

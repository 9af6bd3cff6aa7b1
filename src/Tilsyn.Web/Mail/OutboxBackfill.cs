using Microsoft.EntityFrameworkCore.Migrations;

namespace Tilsyn.Web.Mail;

/// <summary>
/// Data written by migration <c>Issue12StatusLinkMail</c> for rows from before it: a waiting mail is due
/// at once; a mail the old dispatcher gave up after 10 attempts becomes a failed mail (shown on
/// /Mail/Fejlede) instead of being sent now, perhaps long after; a case's existing link counts as
/// issued when the case was received. Plain SQL, identical on both databases (times are integers on
/// SQLite and timestamps on PostgreSQL, copied column to column).
/// </summary>
public static class OutboxBackfill
{
    /// <summary>The same SQL on both databases: double-quoted names are standard SQL, and SQLite reads them too.</summary>
    public static void Up(MigrationBuilder m)
    {
        static string Q(string name) => $"\"{name}\"";
        m.Sql($"UPDATE outgoing_mail SET {Q("NextAttemptAt")} = {Q("CreatedAt")};");
        m.Sql($"UPDATE outgoing_mail SET {Q("FailedAt")} = {Q("CreatedAt")} WHERE {Q("SentAt")} IS NULL AND {Q("Attempts")} >= 10;");
        m.Sql($"UPDATE cases SET {Q("StatusLinkIssuedAt")} = {Q("ReceivedAt")} WHERE {Q("StatusTokenHash")} IS NOT NULL;");
    }
}

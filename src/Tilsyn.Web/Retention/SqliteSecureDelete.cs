using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tilsyn.Web.Retention;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> on every connection the application opens: whenever a row is
/// deleted or rewritten (an update, an index entry, a page put on the free list), the bytes it leaves
/// behind are overwritten with zeros, so deleted personal data does not linger in free space of the
/// database file. What is still in the write-ahead log is removed by the checkpoint of
/// <see cref="CaseDataDeleter.ReclaimStorageAsync"/>. The pragma is a per-connection setting; setting it
/// on an already-pooled connection costs one statement (microseconds).
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    private const string Pragma = "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

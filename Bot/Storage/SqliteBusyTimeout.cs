using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrganBot.Bot.Storage;

/// <summary>
/// Lets SQLite itself wait for a busy write lock (<c>PRAGMA busy_timeout</c>), once per native connection.
/// <para>
/// Without it, Microsoft.Data.Sqlite retries a busy statement by sleeping 150 ms at a time, so two writers that
/// overlap by a millisecond (a replay mark and a tally flush, say) stall every turn waiting on the second one for at
/// least 150 ms. SQLite's own handler retries after 1, 2, 5, 10 … ms. The wait is bounded by the same timeout as
/// before (the connection's DefaultTimeout, 30 s).
/// </para>
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    // Pooled connections keep the pragma: it is set once per native handle, not on every open.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    internal void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _configured.TryGetValue(handle, out _)) return;
        Apply(sqlite);
        _configured.AddOrUpdate(handle, handle);
    }

    /// <summary>Sets the pragma on one open connection (also used for connections EF does not open).</summary>
    internal static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Math.Max(1, connection.DefaultTimeout) * 1000};";
        command.ExecuteNonQuery();
    }
}

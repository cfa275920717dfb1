using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using OrganBot.Bot.Storage;

namespace OrganBot.Bot.Reminders.Quartz;

/// <summary>
/// Creates Quartz's qrtz_ tables from our own SQL (Sql/quartz-*.sql, embedded) before the scheduler starts. Idempotent;
/// on PostgreSQL an advisory lock serialises instances starting together. Kept out of EF migrations on purpose: the
/// migrations are regenerated, and Quartz's tables belong to Quartz.
/// </summary>
internal sealed partial class QuartzSchema(IOptions<StorageOptions> storage, IHostEnvironment environment, ILogger<QuartzSchema> logger) : IHostedService
{
    private const long AdvisoryLockId = 0x0_4267_6E42_6F74; // arbitrary, constant for OrganBot

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var postgres = storage.Value.Provider == StorageProvider.Postgres;
        var statements = Statements(postgres ? "quartz-postgres.sql" : "quartz-sqlite.sql");
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(storage.Value.ConnectionString)
            : new SqliteConnection(StorageExtensions.PrepareSqlite(storage.Value.ConnectionString, environment.ContentRootPath));
        await connection.OpenAsync(cancellationToken);
        if (postgres) await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockId})", cancellationToken);
        try
        {
            foreach (var statement in statements) await ExecuteAsync(connection, statement, cancellationToken);
        }
        finally
        {
            if (postgres) await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockId})", CancellationToken.None);
        }

        LogReady(logger, statements.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static IReadOnlyList<string> Statements(string resource)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream("OrganBot.Bot.Reminders.Quartz.Sql." + resource)
            ?? throw new InvalidOperationException($"Embedded SQL {resource} is missing.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n");
        return [.. text.Split("\n;\n")
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim().TrimEnd(';').Trim())
            .Where(s => s.Length > 0)];
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is our embedded resource, not user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Quartz tables ready ({Statements} statements)")]
    private static partial void LogReady(ILogger logger, int statements);
}

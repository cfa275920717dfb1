using System.Net;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Knowledge;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

/// <summary>
/// Start-up: the Q&amp;A engine is built beside the database migrator, and the bot says it is healthy (and takes
/// questions) only once both are done, so the first question never meets a half-built engine.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_EngineBuiltBesideMigrator_HealthyOnlyWhenEngineReadyAndFirstQuestionAnswered()
    {
        var building = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connector = await FakeConnector.StartAsync();
        BotApplication? app = null;
        await using var bot = app = new BotApplication(storage: StorageKind.Sqlite, configureServices: services => services.AddSingleton(_ =>
        {
            // Notes how far the migrator got when the engine's build began, and holds the build open until the test lets it finish.
            building.SetResult(AppliedMigrations(app!.Settings["Storage:ConnectionString"]!));
            release.Task.Wait(TestContext.Current.CancellationToken);
            return KnowledgeLoader.Load();
        }));
        var ct = TestContext.Current.CancellationToken;

        var start = Task.Run(bot.Start, ct);
        var appliedWhenEngineBegan = await building.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        await WaitForMigrationsAsync(bot.Settings["Storage:ConnectionString"]!, ct);
        var startedWhileEngineBuilt = start.IsCompleted;
        release.SetResult();
        using var client = await start.WaitAsync(TimeSpan.FromMinutes(2), ct);
        using var health = await client.GetAsync("/healthz", ct);
        await bot.PostActivityAsync(Activities.Message(connector.ServiceUrl, "主题党日要怎么搞"), ct);
        var card = Assert.Single(await connector.WaitForSendsAsync(1)).Card.Readable();

        Assert.True(appliedWhenEngineBegan < MigrationCount, "the engine is built beside the migrator, not after it");
        Assert.False(startedWhileEngineBuilt, "the bot must not take requests while the engine is still being built");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("各支部“主题党日”活动", card, StringComparison.Ordinal);
    }

    private static int MigrationCount { get; } = typeof(SqliteBotDbContext).Assembly.GetTypes()
        .Count(t => t.GetCustomAttribute<MigrationAttribute>() is not null && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteBotDbContext));

    /// <summary>Polls the SQLite database until every migration of the bot is applied (the migrator runs while the engine is held).</summary>
    private static async Task WaitForMigrationsAsync(string connectionString, CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        // Polling a database another component is migrating; there is nothing to wait on instead.
        while (AppliedMigrations(connectionString) < MigrationCount) await tick.WaitForNextTickAsync(limit.Token);
    }

    /// <summary>Migrations recorded in the SQLite database so far (0 before the migrator has created it).</summary>
    private static int AppliedMigrations(string connectionString)
    {
        var database = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(database.DataSource)) return 0;
        using var connection = new SqliteConnection(database.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
        if ((long)command.ExecuteScalar()! == 0) return 0;
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"";
        return (int)(long)command.ExecuteScalar()!;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Storage;

/// <summary>
/// Every SQLite connection the bot opens lets SQLite wait for a busy write lock itself (in steps of milliseconds),
/// instead of Microsoft.Data.Sqlite's retry, which sleeps 150 ms at a time and stalled every waiting turn.
/// </summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task PooledConnections_WaitForTheWriteLockInsideSqlite()
    {
        await using var bot = new BotApplication(storage: StorageKind.Sqlite);
        bot.Start();

        for (var lease = 0; lease < 3; lease++)
        {
            // A new scope leases a pooled context, whose connection comes from the SQLite pool: each must carry it.
            await using var scope = bot.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(30_000L, Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)));
        }
    }
}

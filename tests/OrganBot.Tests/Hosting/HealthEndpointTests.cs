using System.Net;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_DatabaseReachable_ReportsHealthyWithDatabaseCheck()
    {
        await using var bot = new BotApplication();
        using var client = bot.Start();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["database"]!.GetValue<string>());
    }

    [Fact]
    public async Task Healthz_DatabaseUnreachable_Returns503()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG (a PostgreSQL server whose database can be dropped under the bot).");
        var bot = new BotApplication(storage: StorageKind.Postgres);
        HttpResponseMessage response;
        try
        {
            using var client = bot.Start();
            var csb = new Npgsql.NpgsqlConnectionStringBuilder(bot.Settings["Storage:ConnectionString"]);
            await using (var connection = new Npgsql.NpgsqlConnection(BotApplication.PostgresServer))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                Npgsql.NpgsqlConnection.ClearAllPools();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{csb.Database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        }
        finally
        {
            // Quartz's scheduler thread, if it was acquiring triggers when the database vanished, retries until its
            // job store is shut down, which its own shutdown waits for: the stop would never end. What is tested is
            // /healthz, so the stop gets a bound and the process's end takes the rest.
            await Task.WhenAny(bot.DisposeAsync().AsTask(), Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

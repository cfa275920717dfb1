using System.Net;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Protocol;

/// <summary>
/// Teams redelivers an activity it thinks timed out. The same activity id in the same conversation is acknowledged
/// (200) and not processed again, also when the redelivery reaches another instance (PostgreSQL).
/// </summary>
public sealed class ReplayedActivityTests : BotTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameActivityTwice_SecondAcknowledgedWithoutReply()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助");

        var first = await Bot.PostActivityAsync(activity, Ct);
        await Connector.WaitForSendsAsync(1);
        var second = await Bot.PostActivityAsync(activity, Ct);
        // A different activity afterwards is answered, so a second reply to the first would have arrived by now.
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        await Connector.WaitForSendsAsync(2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, Connector.Sends.Count);
    }

    [Fact]
    public async Task SameActivityIdInAnotherConversation_Processed()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: "a:one");
        var other = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: "a:two");
        other["id"] = activity["id"]!.GetValue<string>();

        await Bot.PostActivityAsync(activity, Ct);
        await Bot.PostActivityAsync(other, Ct);

        var sends = await Connector.WaitForSendsAsync(2);
        Assert.Equal(["a:one", "a:two"], sends.Select(s => s.ConversationId).Order());
    }

    [Fact]
    public async Task ReplayedInvoke_AcknowledgedWithoutSecondAction()
    {
        var press = Activities.Execute(Connector.ServiceUrl, "help", []);

        var first = await Bot.PostActivityAsync(press, Ct);
        var second = await Bot.PostActivityAsync(press, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync(Ct));
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task SqliteRestart_RedeliveryToTheNextProcess_AcknowledgedWithoutReply()
    {
        // On SQLite memory decides and the marks are written behind: a clean stop must leave them for the next process.
        var activity = Activities.Message(Connector.ServiceUrl, "帮助");
        string database;
        await using (var first = new BotApplication(storage: StorageKind.Sqlite) { KeepDatabase = true })
        {
            first.Start();
            await first.PostActivityAsync(activity, Ct);
            await Connector.WaitForSendsAsync(1);
            database = first.DatabaseName;
        }

        await using var next = new BotApplication(storage: StorageKind.Sqlite, databaseName: database) { DeleteDatabaseOnDispose = true };
        next.Start();
        var redelivery = await next.PostActivityAsync(activity, Ct);
        await next.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        await Connector.WaitForSendsAsync(2);

        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Equal(2, Connector.Sends.Count);
    }

    [Fact]
    [Trait("Category", "Postgres")]
    public async Task TwoInstancesOnPostgres_RedeliveryToTheOtherInstance_AnsweredOnce()
    {
        Assert.SkipWhen(BotApplication.PostgresServer is null, "Needs ORGANBOT_TEST_PG (two instances share one PostgreSQL database).");
        await using var other = new BotApplication(Bot.Settings.ToDictionary(kv => kv.Key, kv => kv.Value), databaseName: Bot.DatabaseName);
        other.Start();
        var activity = Activities.Message(Connector.ServiceUrl, "帮助");

        // Both deliveries at once, one per instance: the insert-first-wins key lets exactly one through.
        var responses = await Task.WhenAll(Bot.PostActivityAsync(activity, Ct), other.PostActivityAsync(activity, Ct));
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        await Connector.WaitForSendsAsync(2);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, Connector.Sends.Count);
    }
}

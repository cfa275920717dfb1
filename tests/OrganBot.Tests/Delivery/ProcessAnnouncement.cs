using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

/// <summary>An announcement to seeded members, sent by <see cref="BotProcess"/>es on one database (kill and SIGTERM tests).</summary>
public static class ProcessAnnouncement
{
    /// <summary>Seeds members through an in-process bot that then goes away, leaving its database and settings for the processes.</summary>
    public static async Task<(string DatabaseName, Dictionary<string, string?> Settings)> SeedAsync(FakeConnector connector, int members, string adminAad)
    {
        await using var seed = new BotApplication();
        seed.Start();
        seed.KeepDatabase = true;
        await DeliveryHarness.SeedMembersAsync(seed.Services, connector.ServiceUrl, members);
        return (seed.DatabaseName, new Dictionary<string, string?>(seed.Settings) { ["Admins:AadObjectIds:0"] = adminAad });
    }

    /// <summary>Previews and sends <paramref name="form"/> as the admin, as the 发布公告 card's buttons do.</summary>
    public static async Task SendAsync(BotProcess bot, FakeConnector connector, JsonObject form, string adminId, string adminAad, string adminChat, CancellationToken cancellationToken)
    {
        var preview = await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.preview", form, userId: adminId, aad: adminAad, conversationId: adminChat), cancellationToken);
        var id = preview!["value"]!["actions"]![0]!["data"]!["announcementId"]!.GetValue<string>();
        await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "announce.send", new JsonObject { ["announcementId"] = id }, userId: adminId, aad: adminAad, conversationId: adminChat), cancellationToken);
    }

    /// <summary>An announcement to everyone, sent now.</summary>
    public static JsonObject Form(string title, string body) => new()
    {
        ["title"] = title,
        ["body"] = body,
        ["audience"] = "all",
        ["when"] = "now",
    };

    /// <summary>Seeded members the simulator delivered to at least once.</summary>
    public static int DeliveredMembers(TeamsSimulator simulator) =>
        simulator.Delivered.Keys.Count(k => k.StartsWith("a:dm-29:member-", StringComparison.Ordinal));

    /// <summary>How often each seeded member got a message.</summary>
    public static List<int> PerMember(TeamsSimulator simulator, int members) =>
        [.. Enumerable.Range(0, members).Select(i => simulator.Delivered.GetValueOrDefault(DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))))];

    /// <summary>Deletes the seeded database.</summary>
    public static async Task DropAsync(string databaseName)
    {
        await using var cleanup = new BotApplication(databaseName: databaseName) { DeleteDatabaseOnDispose = true };
    }
}

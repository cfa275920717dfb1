using System.Text.Json.Nodes;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>Issue 14: the admin's 出勤统计 shows read / answered / no reaction from read receipts and RSVPs, all over HTTP.</summary>
[Trait("Category", "Postgres")]
public sealed class AttendanceReactionsTests
{
    [Fact]
    public async Task Stats_AfterReceiptsAndRsvps_ShowReadAnsweredAndNoReaction()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ReadReceiptHost.StartAsync(6, new() { ["Announcements:FollowUpCheckInterval"] = "01:00:00" });
        var (_, occurrence) = await host.QueueReminderAsync("stats-ev");
        for (var waited = 0; (await host.BatchAsync(occurrence)).Count(s => s.State == DeliveryState.Sent) < host.Members && waited < 300; waited++) await Task.Delay(100, ct);
        var before = await StatsAsync(host, occurrence);
        Assert.Equal(("0", "0", "6"), before);

        // Member 0 reads it; 1 answers 参加 without a receipt (receipts off); 2 reads and asks for leave; 3, 4, 5 do neither.
        foreach (var member in new[] { 0, 2 })
        {
            var messageId = (await host.BatchAsync(occurrence)).Single(s => s.ConversationId == ReadReceiptHost.Chat(member)).ActivityId!;
            (await host.ReceiptAsync(member, new JsonObject { ["lastReadMessageId"] = messageId })).EnsureSuccessStatusCode();
        }

        await RsvpAsync(host, 1, occurrence, new JsonObject { ["answer"] = "attend" });
        await RsvpAsync(host, 2, occurrence, new JsonObject { ["answer"] = "leave", ["reason"] = "当天出差" });

        Assert.Equal(("2", "2", "3"), await StatsAsync(host, occurrence));
    }

    private static async Task RsvpAsync(ReadReceiptHost host, int member, string occurrence, JsonObject data)
    {
        data["occurrence"] = occurrence;
        var press = Activities.Execute(host.Connector.ServiceUrl, "remind.rsvp", data, userId: DeliveryHarness.MemberId(member), aad: $"aaaaaaaa-0000-0000-0000-{member:D12}", conversationId: ReadReceiptHost.Chat(member));
        var response = await host.Bot.PostActivityAsync(press, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Contains(data["answer"]!.GetValue<string>() == "attend" ? "您已确认参加" : "您已请假", JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Readable(), StringComparison.Ordinal);
    }

    /// <summary>The admin presses 出勤统计 for the occurrence; returns the card's 已读提醒 / 已答复 / 无反应 values.</summary>
    private static async Task<(string Read, string Answered, string NoReaction)> StatsAsync(ReadReceiptHost host, string occurrence)
    {
        var card = (await host.ExecuteAsync("remind.admin.stats", new JsonObject { ["eventId"] = "stats-ev", ["occurrence"] = occurrence }))["value"]!;
        var facts = Descendants(card).Where(n => n is JsonObject o && o["title"] is JsonValue && o["value"] is JsonValue)
            .GroupBy(n => n!["title"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.First()!["value"]!.GetValue<string>());
        Assert.Contains("出勤统计：主题党日", card.Readable(), StringComparison.Ordinal);
        return (facts["已读提醒"], facts["已答复"], facts["无反应"]);
    }

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Descendants).Prepend(o),
        JsonArray a => a.SelectMany(Descendants),
        _ => [node],
    };
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>
/// Channel posts have no read receipts: the admin's card says so and offers, instead of 提醒未读, a reply in each post's
/// thread that @mentions the team (docs/read-receipts.md, "Channel posts").
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ChannelFollowUpTests
{
    private static readonly (string Id, string Name)[] s_teams = [("19:team-a@thread.tacv2", "机关党支部"), ("19:team-b@thread.tacv2", "机关工会")];

    [Fact]
    public async Task Mention_ChannelAnnouncement_CardSaysNoReceipts_OneThreadReplyPerPostMentioningItsTeam_OnlyOnce()
    {
        await using var host = await ReadReceiptHost.StartAsync(members: 2);
        await SeedTeamsAsync(host);
        var id = await host.SendAnnouncementAsync(audience: "channels", expectedPosts: s_teams.Length);

        var report = host.Connector.Calls.Last(c => c.Method == "PUT" && c.ConversationId == ReadReceiptHost.AdminChat).Card.Readable();
        Assert.Contains("频道中没有已读回执", report, StringComparison.Ordinal);
        Assert.Contains("在频道中回复并 @团队", report, StringComparison.Ordinal);
        Assert.DoesNotContain("提醒未读", report, StringComparison.Ordinal);

        await host.ExecuteAsync("followup.mention", new JsonObject { ["announcementId"] = id });
        await host.Connector.WaitForAsync(c => s_teams.All(t => c.Any(x => x.ConversationId == t.Id && ReadReceiptHost.IsReply(x))), TimeSpan.FromSeconds(20));
        await host.ExecuteAsync("followup.mention", new JsonObject { ["announcementId"] = id });
        await host.Connector.WaitForAsync(c => c.Any(x => x.Text?.Contains("已达到提醒次数上限", StringComparison.Ordinal) == true));
        await Task.Delay(500, TestContext.Current.CancellationToken); // anything wrongly queued by the second click would go out now

        var posts = await host.BatchAsync($"ann:{id}");
        foreach (var (teamId, teamName) in s_teams)
        {
            var reply = Assert.Single(host.Connector.Calls, c => c.ConversationId == teamId && ReadReceiptHost.IsReply(c));
            // In the post's own thread …
            Assert.EndsWith("/activities/" + posts.Single(p => p.ConversationId == teamId).ActivityId, reply.Path, StringComparison.Ordinal);
            // … @mentioning the team, with the mention's text in the message and the title quoted.
            Assert.Contains($"<at>{teamName}</at>", reply.Text, StringComparison.Ordinal);
            Assert.Contains("“关于开展主题党日活动的通知”", reply.Text, StringComparison.Ordinal);
            var mention = Assert.Single(reply.Body!["entities"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "mention")!;
            Assert.Equal($"<at>{teamName}</at>", mention["text"]!.GetValue<string>());
            Assert.Equal("team", mention["mentioned"]!["type"]!.GetValue<string>());
            Assert.Equal(teamId, mention["mentioned"]!["id"]!.GetValue<string>());
        }

        // Members' 1:1 chats got nothing: the announcement went to the channels only.
        Assert.All(Enumerable.Range(0, host.Members), m => Assert.Equal(0, host.Simulator.Delivered.GetValueOrDefault(ReadReceiptHost.Chat(m))));
        Assert.Equal(0, host.Simulator.LimitViolations);
    }

    /// <summary>Two teams the bot was installed in, known by their General channel (whose id is the team id).</summary>
    private static async Task SeedTeamsAsync(ReadReceiptHost host)
    {
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        foreach (var (teamId, teamName) in s_teams)
        {
            db.Conversations.Add(new ConversationRecord
            {
                Id = teamId, ServiceUrl = host.Connector.ServiceUrl, ChannelId = "msteams", ConversationType = "channel", TenantId = Activities.TenantId,
                TeamId = teamId, TeamName = teamName, TeamsChannelId = teamId, BotId = Activities.BotId, BotName = "OrganBot", Locale = "zh-CN",
                FirstSeenAt = now, LastSeenAt = now,
            });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}

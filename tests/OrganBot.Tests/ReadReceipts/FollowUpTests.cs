using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>Issue 14: 未读提醒 reaches exactly the members without a read receipt, once, by click or on schedule.</summary>
[Trait("Category", "Postgres")]
public sealed class FollowUpTests
{
    private static readonly int[] s_read = [0, 3];

    private static async Task ReadAsync(ReadReceiptHost host, string id)
    {
        foreach (var member in s_read)
        {
            var response = await host.ReceiptAsync(member, new JsonObject { ["lastReadMessageId"] = await host.MessageIdAsync(id, member) });
            response.EnsureSuccessStatusCode();
        }
    }

    private static IEnumerable<int> Unread(ReadReceiptHost host) => Enumerable.Range(0, host.Members).Except(s_read);

    [Fact]
    public async Task Remind_ClickedTwice_EveryUnreadMemberGetsOneReplyToTheAnnouncementAndReadersNone()
    {
        await using var host = await ReadReceiptHost.StartAsync();
        var id = await host.SendAnnouncementAsync();
        await ReadAsync(host, id);

        await host.ExecuteAsync("followup.remind", new JsonObject { ["announcementId"] = id });
        await host.Connector.WaitForAsync(_ => Unread(host).All(m => host.FollowUpsTo(m) >= 1), TimeSpan.FromSeconds(20));
        await host.ExecuteAsync("followup.remind", new JsonObject { ["announcementId"] = id });
        var second = await host.Connector.WaitForAsync(c => c.Any(x => x.Text?.Contains("已达到提醒次数上限", StringComparison.Ordinal) == true));
        await Task.Delay(500, TestContext.Current.CancellationToken); // anything wrongly queued by the second click would go out now

        Assert.All(Unread(host), m => Assert.Equal(1, host.FollowUpsTo(m)));
        Assert.All(s_read, m => Assert.Equal(0, host.FollowUpsTo(m)));
        // The admin got the announcement too (all members) and has not read it: five follow-ups, one per chat.
        var followUps = await host.BatchAsync($"ann:{id}:followup");
        Assert.Equal(5, followUps.Count(s => s.State == OrganBot.Dialogs.Delivery.DeliveryState.Sent));
        Assert.Contains(followUps, s => s.ConversationId == ReadReceiptHost.AdminChat);
        foreach (var member in Unread(host))
        {
            var reply = host.Connector.Calls.Last(c => c.ConversationId == ReadReceiptHost.Chat(member) && ReadReceiptHost.IsReply(c));
            Assert.EndsWith("/activities/" + await host.MessageIdAsync(id, member), reply.Path, StringComparison.Ordinal);
            Assert.Contains("关于开展主题党日活动的通知", reply.Card.Readable(), StringComparison.Ordinal);
            Assert.Contains("未读提醒", reply.Card.Readable(), StringComparison.Ordinal);
        }

        Assert.Contains("5 个已达到提醒次数上限", second.Last(x => x.Text?.Contains("上限", StringComparison.Ordinal) == true).Text, StringComparison.Ordinal);
        Assert.Equal(0, host.Simulator.LimitViolations);
    }

    [Fact]
    public async Task Remind_ByNonAdmin_RefusedAndNothingSent()
    {
        await using var host = await ReadReceiptHost.StartAsync();
        var id = await host.SendAnnouncementAsync();
        var before = host.Connector.Calls.Count;

        await host.ExecuteAsync("followup.remind", new JsonObject { ["announcementId"] = id }, userId: Activities.UserId, aad: Activities.UserAad, chat: Activities.ConversationId);
        await host.ExecuteAsync("followup.mention", new JsonObject { ["announcementId"] = id }, userId: Activities.UserId, aad: Activities.UserAad, chat: Activities.ConversationId);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        var after = host.Connector.Calls.Skip(before).ToList();
        Assert.Equal(2, after.Count);
        Assert.All(after, c => Assert.Contains("仅对管理员开放", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scheduled_ChosenAtCompose_FiresOnceForTheUnread()
    {
        await using var host = await ReadReceiptHost.StartAsync(extra: new() { ["Announcements:FollowUpAfter"] = "00:00:03" });
        var preview = await host.ExecuteAsync("announce.preview", ReadReceiptHost.Form());
        Assert.Contains("自动提醒一次", preview.Readable(), StringComparison.Ordinal);

        var id = await host.SendAnnouncementAsync(remindUnread: true);
        await ReadAsync(host, id);
        await host.Connector.WaitForAsync(_ => Unread(host).All(m => host.FollowUpsTo(m) >= 1), TimeSpan.FromSeconds(20));
        await Task.Delay(1500, TestContext.Current.CancellationToken); // several more checks of the plan

        Assert.All(Unread(host), m => Assert.Equal(1, host.FollowUpsTo(m)));
        Assert.All(s_read, m => Assert.Equal(0, host.FollowUpsTo(m)));
        var card = await host.ExecuteAsync("announce.refresh", new JsonObject { ["announcementId"] = id });
        Assert.Contains("自动提醒", card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduled_NotChosen_NothingFollowsUp()
    {
        await using var host = await ReadReceiptHost.StartAsync(extra: new() { ["Announcements:FollowUpAfter"] = "00:00:01" });

        await host.SendAnnouncementAsync(remindUnread: false);
        await Task.Delay(2000, TestContext.Current.CancellationToken);

        Assert.All(Enumerable.Range(0, host.Members), m => Assert.Equal(0, host.FollowUpsTo(m)));
    }
}

using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// Issue 6 end to end in the real Agents Playground: the app is installed into the team, the admin (the
/// Playground user) composes 发布公告, previews and sends it to all members; the member sees the announcement in the
/// personal chat, the team's other members (read from the Playground's roster) get it in new 1:1 chats, and the
/// admin's card ends as a report.
/// </summary>
public sealed class AnnouncementPlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    private const string Title = "关于开展12月主题党日活动的通知";

    [Fact]
    public async Task Playground_AdminComposesPreviewsSends_MemberSeesAnnouncement()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        // The app is installed into the team (Teams then tells the bot the team's name) and greets it in General.
        await client.InstallAsync(PlaygroundIdentity.TeamId, ct);
        await client.WaitForMessageAsync(m => m.IsCreate && m.ConversationId?.StartsWith(PlaygroundIdentity.TeamId, StringComparison.Ordinal) == true, cancellationToken: ct);

        await client.SendTextAsync("announce", cancellationToken: ct);
        var compose = await client.WaitForCardAsync(card => card.Readable().Contains("New announcement"), cancellationToken: ct);
        var audiences = compose.Card!.Readable();
        Assert.Contains("General channel of every team", audiences, StringComparison.Ordinal);
        Assert.Contains("Team members: 机关党委", audiences, StringComparison.Ordinal);

        var control = await client.PressForCardAsync(compose, "Preview", new JsonObject
        {
            ["title"] = Title,
            ["body"] = "请各支部于**12月4日**前报名。\n\n- 地点：机关三楼会议室",
            ["link1Title"] = "活动详情",
            ["link1Url"] = "https://example.org/detail",
            ["audience"] = "all",
        }, ct);
        var preview = await client.WaitForCardAsync(card => card.Readable().Contains(Title), cancellationToken: ct);
        Assert.Contains("Preview (members will see the card below)", control.VisibleText(), StringComparison.Ordinal);
        Assert.Equal(["Send", "Edit", "Cancel"], control.CardActions().Select(a => a["title"]!.GetValue<string>()));

        var sending = await client.PressAsync(control, "Send", cancellationToken: ct);
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, sending?["type"]?.GetValue<string>());

        var received = await client.WaitForMessageAsync(m => m.IsCreate && m.ConversationId == PlaygroundIdentity.PersonalChatId && m.Card.Readable().Contains(Title), TimeSpan.FromSeconds(30), ct);
        Assert.True(JsonNode.DeepEquals(preview.Card, received.Card), "The member's card differs from the preview.");
        var shown = received.VisibleText();
        Assert.Contains(Title, shown, StringComparison.Ordinal);
        Assert.Contains("请各支部于**12月4日**前报名。", shown, StringComparison.Ordinal);
        Assert.Contains("[活动详情]", shown, StringComparison.Ordinal);

        // The five other team members (from the Playground's roster) get new 1:1 chats the Playground accepts (201)
        // but does not stream, since its UI shows only the current user's chats: the admin's report counts them.
        var others = PlaygroundIdentity.OtherUsers.Count;
        var report = await client.WaitForMessageAsync(m => m.IsUpdate && m.MessageId == control.MessageId && m.Card.Readable().Contains("Announcement report"), TimeSpan.FromSeconds(30), ct);
        Assert.Contains($"Finished: {others + 1} delivered, 0 could not be delivered", report.VisibleText(), StringComparison.Ordinal);
        Assert.Contains("[Withdraw]", report.VisibleText(), StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// Issue 2 end to end: a member meets the bot in the real Agents Playground and presses a welcome button.
/// The Playground's own messages always carry locale en-US (hard-coded in 0.2.28); the bot answers in the language the
/// member writes in, so 你好 gets Chinese and help gets English.
/// </summary>
public sealed class FirstContactPlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Playground_GreetingHelpAndButton_WelcomeCardThenAnswer()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        // The Playground's client is en-US, but the member writes Chinese: the answer is Chinese (issue 13).
        await client.SendTextAsync("你好", cancellationToken: ct);
        var welcome = await client.WaitForCardAsync(card => card.Readable().Contains("欢迎使用机关党建助手"), cancellationToken: ct);
        await client.SendTextAsync("help", cancellationToken: ct);
        var help = await client.WaitForCardAsync(card => card.Readable().Contains("Welcome to OrganBot"), cancellationToken: ct);
        var invokeResponse = await client.PressAsync(help, "Admin", cancellationToken: ct);
        var admin = await client.WaitForCardAsync(card => card.Readable().Contains("Choose what to do"), cancellationToken: ct);

        Assert.Equal(PlaygroundIdentity.PersonalChatId, welcome.ConversationId);
        Assert.Equal(["Key points", "My reminders", "Give feedback", "Admin"], help.CardActions().Select(a => a["title"]!.GetValue<string>()));
        Assert.NotEqual(welcome.MessageId, help.MessageId);
        // The Playground returns the bot's invoke response body without its statusCode.
        Assert.Equal("application/vnd.microsoft.activity.message", invokeResponse?["type"]?.GetValue<string>());
        Assert.Contains("Attendance", admin.CardActions().Select(a => a["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Playground_UnknownText_AnsweredNotSilent()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        await client.SendTextAsync("今天天气怎么样", cancellationToken: ct);
        var reply = await client.WaitForMessageAsync(m => m.IsCreate, cancellationToken: ct);

        Assert.False(string.IsNullOrWhiteSpace(reply.Text) && reply.Card is null);
    }

    [Fact]
    public async Task Playground_ChineseMemberAsksForHelp_GetsChineseCardWithoutAdminButton()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;
        var activity = await client.ActivityTemplateAsync(cancellationToken: ct);
        var other = PlaygroundIdentity.OtherUsers[0];
        activity["type"] = "message";
        activity["text"] = "帮助";
        activity["locale"] = "zh-CN";
        activity["from"] = new JsonObject { ["id"] = other.Id, ["name"] = other.Name, ["aadObjectId"] = other.Aad };

        await client.SendAsActivityAsync(activity, ct);
        var card = await client.WaitForCardAsync(c => c.Readable().Contains("欢迎使用机关党建助手"), cancellationToken: ct);

        Assert.Equal(["讲话要点", "我的提醒", "我要反馈"], card.CardActions().Select(a => a["title"]!.GetValue<string>()));
    }
}

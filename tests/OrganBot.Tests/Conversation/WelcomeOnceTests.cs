using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Conversation;

/// <summary>
/// Issue 13: Teams announces a new installation twice (installationUpdate and conversationUpdate); members get one
/// welcome per installation, across instances and restarts. Shared spaces get a welcome without admin buttons that
/// says to @mention the bot.
/// </summary>
public sealed class WelcomeOnceTests : IAsyncLifetime
{
    private const string ChannelConversation = "19:general@thread.tacv2";
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApplication(AdminSettings);
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static Dictionary<string, string?> AdminSettings => new() { ["Admins:AadObjectIds:0"] = Activities.AdminAad };

    [Fact]
    public async Task FirstContact_InstallationThenConversationUpdate_OneWelcomeInTheClientsLanguage()
    {
        await _bot.PostActivityAsync(Installation(_connector.ServiceUrl, "add", locale: "en-US"), Ct);
        await _bot.PostActivityAsync(ConversationUpdate(_connector.ServiceUrl), Ct);
        await Task.Delay(300, Ct);

        var welcome = Assert.Single(_connector.Sends);
        Assert.Contains("Welcome to OrganBot", welcome.Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstContact_BothAnnouncementsAtOnce_OneWelcome()
    {
        await Task.WhenAll(
            _bot.PostActivityAsync(Installation(_connector.ServiceUrl, "add"), Ct),
            _bot.PostActivityAsync(ConversationUpdate(_connector.ServiceUrl), Ct));
        await _connector.WaitForSendsAsync(1);
        await Task.Delay(300, Ct);

        Assert.Single(_connector.Sends);
    }

    [Fact]
    public async Task Welcome_IsRemembered_AcrossRestart_AndAReinstallWelcomesAgain()
    {
        await _bot.PostActivityAsync(Installation(_connector.ServiceUrl, "add"), Ct);
        await _connector.WaitForSendsAsync(1);
        _bot.KeepDatabase = true;
        await _bot.DisposeAsync();
        _bot = new BotApplication(AdminSettings, databaseName: _bot.DatabaseName) { DeleteDatabaseOnDispose = true };
        _bot.Start();

        await _bot.PostActivityAsync(ConversationUpdate(_connector.ServiceUrl), Ct);
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "帮助"), Ct);
        await _connector.WaitForSendsAsync(2);
        await _bot.PostActivityAsync(Installation(_connector.ServiceUrl, "remove"), Ct);
        await _bot.PostActivityAsync(Installation(_connector.ServiceUrl, "add"), Ct);

        var sends = await _connector.WaitForSendsAsync(3);
        Assert.Equal(3, sends.Count);
        Assert.Contains(Activities.ConversationId, sends[2].Path, StringComparison.Ordinal);
        Assert.Contains("欢迎使用机关党建助手", sends[2].Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamInstall_ByAdmin_SharedWelcomeWithoutAdminButtons_SaysToMention()
    {
        await _bot.PostActivityAsync(Channel(Installation(_connector.ServiceUrl, "add", Activities.AdminAad)), Ct);
        await _bot.PostActivityAsync(Channel(ConversationUpdate(_connector.ServiceUrl, Activities.AdminAad)), Ct);
        await _connector.WaitForSendsAsync(1);
        await _bot.PostActivityAsync(Channel(Activities.Message(_connector.ServiceUrl, "<at>OrganBot</at> 帮助", aad: Activities.AdminAad, conversationId: ChannelConversation)), Ct);

        var sends = await _connector.WaitForSendsAsync(2);
        Assert.Equal(2, sends.Count);
        foreach (var card in sends.Select(s => s.Card!))
        {
            var titles = card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
            Assert.DoesNotContain("管理功能", titles);
            Assert.Contains("@OrganBot", card.Readable(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AdminButton_OnlyForAdmins_InTheirPersonalChat()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "帮助", userId: "29:admin", aad: Activities.AdminAad, conversationId: "a:admin-1"), Ct);
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "帮助"), Ct);

        var sends = await _connector.WaitForSendsAsync(2);
        var byConversation = sends.ToDictionary(s => s.ConversationId!, s => s.Card!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList());
        Assert.Contains("管理功能", byConversation["a:admin-1"]);
        Assert.DoesNotContain("管理功能", byConversation[Activities.ConversationId]);
    }

    private static JsonObject Installation(string serviceUrl, string action, string? aad = null, string locale = "zh-CN") =>
        Activities.Base("installationUpdate", serviceUrl, aad: aad, locale: locale).With("action", action);

    /// <summary>Teams' conversationUpdate for the same installation: the bot and the member added, no locale.</summary>
    private static JsonObject ConversationUpdate(string serviceUrl, string? aad = null)
    {
        var activity = Activities.Base("conversationUpdate", serviceUrl, aad: aad);
        activity.Remove("locale");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId }, new JsonObject { ["id"] = Activities.UserId, ["aadObjectId"] = aad ?? Activities.UserAad });
        return activity;
    }

    private static JsonObject Channel(JsonObject activity)
    {
        activity["conversation"]!["conversationType"] = "channel";
        activity["conversation"]!["isGroup"] = true;
        activity["conversation"]!["id"] = ChannelConversation;
        activity["channelData"]!["team"] = new JsonObject { ["id"] = ChannelConversation, ["name"] = "机关党委" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = ChannelConversation };
        return activity;
    }
}

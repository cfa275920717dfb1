using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Routing;

/// <summary>
/// A command is declared once: a feature registered with one more declaration is reachable by its Chinese and English
/// words and gets its welcome-card button and help line, with nothing else edited.
/// </summary>
public sealed class DeclaredCommandTests : BotTestBase
{
    private const string AdminAad = "aaaaaaaa-0000-0000-0000-0000000000ad";

    private static readonly CommandDeclaration s_ping = new("test.ping", CommandGroup.General, ["测一测", "ping test"], "检查机器人是否在线", "Check the bot is there")
    {
        WelcomeButton = ("测一测", "Ping"),
    };

    private static readonly CommandDeclaration s_adminPing = new("test.admin-ping", CommandGroup.General, ["管理测一测"], "管理员检查", "Admin check")
    {
        AdminOnly = true,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override BotApplication CreateBot() => new(
        new Dictionary<string, string?> { ["Admins:AadObjectIds:0"] = AdminAad },
        services => services.AddFeature<PingFeature>(new FeatureDeclaration("ping", "ping.", [s_ping, s_adminPing])));

    [Theory]
    [InlineData("测一测")]
    [InlineData("  PING TEST ")]
    public async Task DeclaredWord_ReachesTheFeature(string text)
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, text), Ct);

        var reply = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.Equal("pong test.ping", reply.Text);
    }

    [Fact]
    public async Task Help_ShowsTheDeclaredButton_AndTheAdminCardTheAdminCommand()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        var welcome = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        Assert.Contains("测一测", ActionTitles(welcome));

        Connector.Clear();
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "管理", aad: AdminAad), Ct);
        var adminMenu = Assert.Single(await Connector.WaitForSendsAsync(1)).Card!;
        var commands = adminMenu["body"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(e => e!["actions"]!.AsArray().Select(a => a!["data"]!["text"]!.GetValue<string>()))
            .ToList();
        Assert.Contains("管理测一测", commands);
        Assert.Contains("发布公告", commands);
        Assert.DoesNotContain("测一测", commands);
    }

    [Fact]
    public void Catalog_WordDeclaredTwice_FailsAtStart()
    {
        var clash = new FeatureDeclaration("clash", "clash.", [new CommandDeclaration("clash.help", CommandGroup.General, ["帮助"], "", "")]);

        var error = Assert.Throws<InvalidOperationException>(() => new CommandCatalog([clash]));

        Assert.Contains("帮助", error.Message, StringComparison.Ordinal);
    }

    private static List<string> ActionTitles(JsonObject card) => [.. card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>())];

    private sealed class PingFeature : IFeature
    {
        public Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken) =>
            turn.SendAsync(OutgoingMessage.FromText("pong " + command.Key), cancellationToken);

        public Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

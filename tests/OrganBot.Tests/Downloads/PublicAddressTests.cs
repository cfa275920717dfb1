using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Tests.Auth;
using OrganBot.Tests.Fakes;
using OrganBot.Tests.Feedback;

namespace OrganBot.Tests.Downloads;

/// <summary><c>Bot:PublicBaseUrl</c>: required and https outside dev mode; the old per-feature keys still work, with a warning.</summary>
public sealed class PublicAddressTests
{
    private static Dictionary<string, string?> Production(string? publicBaseUrl) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = TestTokens.AppId,
        ["MicrosoftAppPassword"] = "secret",
        ["Bot:PublicBaseUrl"] = publicBaseUrl,
    };

    [Theory]
    [InlineData("", "Bot:PublicBaseUrl is required")]
    [InlineData("http://organbot.example.test", "Bot:PublicBaseUrl must be an https URL")]
    [InlineData("organbot.example.test", "Bot:PublicBaseUrl must be an absolute http(s) URL")]
    public async Task BotStart_OutsideDevModeWithoutHttpsPublicAddress_FailsNamingTheKey(string value, string message)
    {
        await using var bot = new BotApplication(Production(value));

        var error = Assert.IsType<OptionsValidationException>(bot.StartExpectingFailure());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotStart_OutsideDevModeWithHttpsPublicAddress_Starts()
    {
        await using var bot = new BotApplication(Production("https://organbot.example.test"));

        using var client = bot.Start();

        Assert.True((await client.GetAsync("/healthz", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("Feedback:PublicBaseUrl")]
    [InlineData("Announcements:PublicBaseUrl")]
    public async Task DeprecatedKey_StillSetsTheLinkAddress_AndIsLoggedAsDeprecated(string key)
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await FeedbackHost.StartAsync(
            new() { ["Bot:PublicBaseUrl"] = "", [key] = "https://old.example.test" },
            services => services.AddSingleton<ILoggerProvider>(logs));

        await host.AdminSaysAsync("导出反馈");
        var card = (await host.WaitForSendAsync(FeedbackHost.AdminConversation)).Card!;

        Assert.StartsWith("https://old.example.test/api/admin/downloads/feedback/all?token=", card["actions"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Contains(" 7103 ", StringComparison.Ordinal) && l.Contains(key, StringComparison.Ordinal) && l.Contains("Bot:PublicBaseUrl", StringComparison.Ordinal));
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Reminders;

/// <summary>One office time zone, Bot:TimeZone, with the old keys read for one release.</summary>
public sealed class OfficeClockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string ZoneId, IReadOnlyList<string> Warnings)> StartAsync(Dictionary<string, string?> settings)
    {
        using var logs = new WarningLogs();
        await using var bot = new BotApplication(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        bot.Start();
        return (bot.Services.GetRequiredService<OfficeClock>().ZoneId, logs.Warnings);
    }

    [Fact]
    public async Task Default_IsShanghai()
    {
        var (zone, warnings) = await StartAsync([]);

        Assert.Equal("Asia/Shanghai", zone);
        Assert.DoesNotContain(warnings, w => w.Contains("Bot:TimeZone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Reminders:DefaultTimeZone")]
    [InlineData("Announcements:TimeZone")]
    public async Task OldKey_IsReadAsBotTimeZone_WithAWarning(string oldKey)
    {
        var (zone, warnings) = await StartAsync(new() { [oldKey] = "Europe/Berlin" });

        Assert.Equal("Europe/Berlin", zone);
        Assert.Contains(warnings, w => w.Contains(oldKey, StringComparison.Ordinal) && w.Contains("Bot:TimeZone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewKey_WinsOverAnOldOne()
    {
        var (zone, _) = await StartAsync(new() { ["Reminders:DefaultTimeZone"] = "Europe/Berlin", ["Bot:TimeZone"] = "UTC" });

        Assert.Equal("UTC", zone);
    }

    [Fact]
    public async Task UnknownZone_StopsTheStart_NamingTheKey()
    {
        await using var bot = new BotApplication(new() { ["Bot:TimeZone"] = "Mars/Olympus" });

        var error = Assert.IsType<OptionsValidationException>(bot.StartExpectingFailure());

        Assert.Contains("Bot:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewEventForm_StartsInTheOfficeZone()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BotApplication(new() { ["Bot:TimeZone"] = "Europe/Berlin", ["Admins:AadObjectIds:0"] = Activities.AdminAad });
        bot.Start();

        var response = await bot.PostActivityAsync(Activities.Execute(connector.ServiceUrl, "remind.admin.new", [], userId: "29:admin", aad: Activities.AdminAad, conversationId: "a:personal-admin"), Ct);
        var card = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct)).Readable();

        Assert.Contains("\"value\":\"Europe/Berlin\"", card, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using OrganBot.Cards.Welcome;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Reminders;

/// <summary>
/// Issue 13, over real HTTP: what the bot sends on its own (reminders, 请假 requests and their outcomes) is in the
/// language the member chose (语言) or last wrote in, not the client's locale.
/// </summary>
public sealed class ProactiveLanguageTests : ReminderTestBase
{
    /// <summary>Member 1 chooses English in a zh-CN client; member 2 writes Chinese in an en-US client.</summary>
    private async Task SeedLanguagesAsync(BotApplication bot)
    {
        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "语言", locale: "zh-CN"), Ct);
        await bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助", Member2, Member2Aad, "a:personal-2", locale: "en-US", name: "柏林同事"), Ct);
        await Connector.WaitForSendsAsync(2);
        var chosen = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, LanguageCard.SetVerb, new JsonObject { [LanguageCard.LanguageKey] = "en" }, locale: "zh-CN"));
        Assert.Contains("I'll answer you in English", chosen, StringComparison.Ordinal);
        Connector.Clear();
    }

    [Fact]
    public async Task Reminder_ArrivesInTheChosenLanguage_OrTheOneTheMemberWrites_NotTheClientLocale()
    {
        var bot = StartBot();
        await SeedLanguagesAsync(bot);
        await AdminAsync(bot, "remind.admin.save", SaveData());
        var ev = await SingleEventAsync(bot);

        // Tue 2 Feb 09:00 Beijing: the first reminder of Friday's 主题党日.
        Clock.SetUtcNow(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero));
        await RunDispatcherAsync(bot, ev.Id);
        var sends = await Connector.WaitForAsync(calls => calls.Count(c => c.IsSend && c.ConversationId is Activities.ConversationId or "a:personal-2") >= 2);

        var chosenEnglish = sends.Single(c => c.IsSend && c.ConversationId == Activities.ConversationId).Card.Readable();
        var wroteChinese = sends.Single(c => c.IsSend && c.ConversationId == "a:personal-2").Card.Readable();
        Assert.Contains("Reminder: 主题党日", chosenEnglish, StringComparison.Ordinal);
        Assert.DoesNotContain("活动提醒", chosenEnglish, StringComparison.Ordinal);
        Assert.Contains("活动提醒：主题党日", wroteChinese, StringComparison.Ordinal);
        Assert.DoesNotContain("Reminder:", wroteChinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaveRequest_ReachesTheApproverInTheirLanguage_AndTheOutcomeTheMemberInTheirs()
    {
        var bot = StartBot();
        await SeedLanguagesAsync(bot);
        var data = SaveData();
        data["approvers"] = "group:支部委员"; // member 2
        await AdminAsync(bot, "remind.admin.save", data);
        var ev = await SingleEventAsync(bot);
        var occurrence = OccurrenceKeys.Make(ev.Id, new DateOnly(2027, 2, 5));

        // A real clock has sub-millisecond ticks, which storage does not keep: the card must still match the stored 请假.
        Clock.Advance(TimeSpan.FromTicks(4_321_987));
        await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.rsvp", new JsonObject { ["occurrence"] = occurrence, ["answer"] = "leave", ["reason"] = "Business trip" }, locale: "zh-CN"));
        var request = Assert.Single(await Connector.WaitForSendsAsync(1));
        await Deliveries.WaitForAsync(1);
        var version = request.Card!["actions"]!.AsArray().First(a => a!["verb"]?.GetValue<string>() == "remind.leave.decide")!["data"]!["version"]!.GetValue<string>();
        Connector.Clear();
        var decided = await InvokeAsync(bot, Activities.Execute(Connector.ServiceUrl, "remind.leave.decide",
            new JsonObject { ["occurrence"] = occurrence, ["member"] = Activities.UserId, ["version"] = version, ["decision"] = "approve", ["note"] = "" },
            userId: Member2, aad: Member2Aad, conversationId: "a:personal-2", locale: "en-US"));
        var told = await Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == Activities.ConversationId));

        Assert.Equal("a:personal-2", request.ConversationId);
        Assert.Contains("请假审批", request.Card.Readable(), StringComparison.Ordinal);
        Assert.Contains("已批准", decided, StringComparison.Ordinal); // member 2 writes Chinese
        Assert.DoesNotContain("已修改或撤回", decided, StringComparison.Ordinal);
        Assert.Contains("Your leave is approved", told.Single(c => c.IsSend && c.ConversationId == Activities.ConversationId).Text, StringComparison.Ordinal);
    }
}

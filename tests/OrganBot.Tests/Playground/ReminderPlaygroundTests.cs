using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrganBot.Bot.Reminders;
using OrganBot.Bot.Reminders.Quartz;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;
using Quartz;

namespace OrganBot.Tests.Playground;

/// <summary>The Playground with a bot whose clock is a <see cref="FakeTimeProvider"/>: Mon 1 Feb 2027 08:00 Beijing.</summary>
public sealed class FakeClockPlaygroundFixture : PlaygroundFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// Issue 5 end to end in the real Agents Playground: the admin (the Playground user) sets up
/// "每月第一个周五 15:00 主题党日" through 提醒管理 → New event → Save; when the bot's clock reaches the 3-days-before
/// reminder, Quartz runs the event's job (triggered in-process, as its timer would) and the reminder card arrives
/// through the delivery pipeline; the member asks for leave with a reason and the card changes in place.
/// </summary>
public sealed class ReminderPlaygroundTests(FakeClockPlaygroundFixture playground) : IClassFixture<FakeClockPlaygroundFixture>
{
    [Fact]
    public async Task Playground_AdminSetsUpFirstFriday_ReminderArrivesAndLeaveUpdatesCard()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        await client.SendTextAsync("reminders", cancellationToken: ct);
        var list = await client.WaitForCardAsync(card => card.Readable().Contains("Reminders"), cancellationToken: ct);
        Assert.Contains("No events yet", list.VisibleText(), StringComparison.Ordinal);

        var form = await client.PressForCardAsync(list, "New event", cancellationToken: ct);
        Assert.Contains("New event reminder", form.VisibleText(), StringComparison.Ordinal);
        Assert.Contains("[Save]", form.VisibleText(), StringComparison.Ordinal);

        var saved = await client.PressForCardAsync(form, "Save", new JsonObject
        {
            ["title"] = "主题党日",
            ["kind"] = "主题党日",
            ["recurrence"] = "每月第一个周五 15:00",
            ["location"] = "机关三楼会议室",
            ["agenda"] = "重温入党誓词，交流学习体会",
        }, ct);
        var savedText = saved.VisibleText();
        Assert.Contains("Saved \"主题党日\". Next:", savedText, StringComparison.Ordinal);
        Assert.Contains("主题党日 · Party theme day · Active", savedText, StringComparison.Ordinal); // the kind in English

        // The 3-days-before reminder: Tue 2 Feb 2027 09:00 Beijing. Quartz's own timer runs on the wall clock, so
        // the test fires the event's job the way the timer would.
        string eventId;
        await using (var scope = playground.Bot.Services.CreateAsyncScope())
        {
            eventId = Assert.Single(await scope.ServiceProvider.GetRequiredService<IReminderStore>().ListEventsAsync(ct)).Id;
        }

        var scheduler = await playground.Bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        var trigger = await scheduler.GetTrigger(QuartzReminderScheduler.TriggerKeyFor(eventId), ct);
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 1, 0, 0, TimeSpan.Zero), trigger!.NextFireTimeUtc);
        client.MarkNow();
        playground.Clock.SetUtcNow(trigger.NextFireTimeUtc!.Value);
        await scheduler.TriggerJob(QuartzReminderScheduler.JobKeyFor(eventId), ct);

        var reminder = await client.WaitForCardAsync(card => card.Readable().Contains("Reminder: 主题党日"), TimeSpan.FromSeconds(30), ct);
        var shown = reminder.VisibleText();
        Assert.True(reminder.IsCreate);
        Assert.Equal(PlaygroundIdentity.PersonalChatId, reminder.ConversationId);
        Assert.Contains("Place: 机关三楼会议室", shown, StringComparison.Ordinal);
        Assert.Contains("重温入党誓词，交流学习体会", shown, StringComparison.Ordinal);
        Assert.Contains(SpeechLinks.Find("theme-party-day")!.Quote, shown, StringComparison.Ordinal);
        Assert.Contains("Please let us know whether you will attend.", shown, StringComparison.Ordinal);
        Assert.Equal(["Attend", "Ask for leave", "Mute this kind"], reminder.CardActions().Select(a => a["title"]!.GetValue<string>()));
        Assert.Contains("Reason for leave: ", reminder.Expand("Ask for leave").VisibleText(), StringComparison.Ordinal);

        var leave = await client.PressForCardAsync(reminder, "Submit", new JsonObject { ["reason"] = "当天出差" }, ct);

        var leaveShown = leave.VisibleText();
        Assert.Contains("You asked for leave: 当天出差", leaveShown, StringComparison.Ordinal);
        Assert.Equal(["Attend", "Change reason", "Mute this kind"], leave.CardActions().Select(a => a["title"]!.GetValue<string>()));
    }
}

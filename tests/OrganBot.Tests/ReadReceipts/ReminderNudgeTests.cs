using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.ReadReceipts;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Delivery;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>Issue 14: one nudge before the event to the members who neither answered nor read the reminder.</summary>
[Trait("Category", "Postgres")]
public sealed class ReminderNudgeTests
{
    [Fact]
    public async Task Nudge_BeforeTheEvent_OnlyMembersWithNeitherAnswerNorReceiptOnce()
    {
        // The worker's first check runs at start (nothing to nudge yet); the next would come only in an hour, so the test
        // runs the check itself once the set-up below is stored, whatever the machine's load.
        await using var host = await ReadReceiptHost.StartAsync(6, new() { ["Reminders:NudgeBefore"] = "10.00:00:00", ["Announcements:FollowUpCheckInterval"] = "01:00:00" });
        var ct = TestContext.Current.CancellationToken;
        var (ev, occurrence) = await host.QueueReminderAsync("nudge-ev");

        await host.Connector.WaitForAsync(_ => Enumerable.Range(0, host.Members).All(i => host.Simulator.Delivered.ContainsKey(ReadReceiptHost.Chat(i))), TimeSpan.FromSeconds(20));
        // Outcomes are stored in batches just after the calls: a receipt only marks messages already recorded as sent.
        // On a loaded machine that can take a while; a receipt sent too early would leave member 0 unread and nudged.
        var stored = Stopwatch.StartNew();
        while ((await host.BatchAsync(occurrence)).Any(s => s.State != DeliveryState.Sent))
        {
            Assert.True(stored.Elapsed < TimeSpan.FromSeconds(60), "the reminder's outcomes were not stored as sent within 60 s");
            await Task.Delay(100, ct);
        }

        // Member 0 read it, 1 answered, 2 did both; 3, 4 and 5 did neither.
        foreach (var member in new[] { 0, 2 }) (await host.ReceiptAsync(member, new JsonObject { ["lastReadMessageId"] = "999999999999999999" })).EnsureSuccessStatusCode();
        await using (var scope = host.Bot.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IReminderStore>();
            foreach (var member in new[] { 1, 2 }) await store.SaveRsvpAsync(new Rsvp(occurrence, ev.Id, DeliveryHarness.MemberId(member), null, RsvpAnswer.Attend, null, DateTimeOffset.UtcNow), ct);
        }

        await using (var scope = host.Bot.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderNudger>().RunAsync(ct);
            await scope.ServiceProvider.GetRequiredService<ReminderNudger>().RunAsync(ct); // twice: still one nudge each
        }

        await host.Connector.WaitForAsync(_ => new[] { 3, 4, 5 }.All(m => host.FollowUpsTo(m) >= 1), TimeSpan.FromSeconds(30));
        var nudges = await host.BatchAsync(ReminderNudger.BatchFor(occurrence));

        Assert.Equal([3, 4, 5], Enumerable.Range(0, host.Members).Where(m => host.FollowUpsTo(m) > 0));
        Assert.All(new[] { 3, 4, 5 }, m => Assert.Equal(1, host.FollowUpsTo(m)));
        Assert.Equal(3, nudges.Count);
        var reactions = ReminderReactions.From(await host.BatchAsync(occurrence), [DeliveryHarness.MemberId(1), DeliveryHarness.MemberId(2)]);
        Assert.Equal(new OrganBot.Cards.Reminders.ReactionsView(Read: 2, Answered: 2, NoReaction: 3), reactions);
    }
}

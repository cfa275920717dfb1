using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Feedback;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.AdminConsole;

/// <summary>The 出勤 page and the 出勤统计 card count the same occurrence the same way (one query backs both).</summary>
public sealed class ConsoleAttendanceTests
{
    [Fact]
    public async Task AttendancePage_EqualsTheStatsCard_ForAPastOccurrence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await FeedbackHost.StartAsync(ConsoleSeed.Settings);
        var seeded = await ConsoleSeed.AttendanceAsync(host, ct);

        var card = FeedbackHost.InvokeCard(await host.AdminExecuteAsync(ReminderAdminCards.StatsVerb, new JsonObject { ["occurrence"] = seeded.OccurrenceKey, ["eventId"] = seeded.EventId }));
        var facts = card["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => int.Parse(f!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        using var browser = await ConsoleBrowserSession.SignInAsync(host);
        var page = JsonNode.Parse(await browser.Client.GetStringAsync("/console/api/attendance", ct))!;
        var counts = page["occurrences"]!.AsArray().Single(o => o!["key"]!.GetValue<string>() == seeded.OccurrenceKey)!["counts"]!;

        // The event has approvers and has started: leave is split by the decision, and no answer is 缺席, on both.
        Assert.Equal((seeded.Attending, seeded.LeaveApproved, seeded.LeaveRejected, 0, seeded.Absent, 0),
            (facts["参加"], facts["请假（已批准）"], facts["请假（未批准）"], facts["请假（待审批）"], facts["缺席"], facts["发送失败"]));
        Assert.True(counts["attending"]!.GetValue<int>() == facts["参加"] && counts["leaveApproved"]!.GetValue<int>() == facts["请假（已批准）"]
            && counts["leaveRejected"]!.GetValue<int>() == facts["请假（未批准）"] && counts["onLeave"]!.GetValue<int>() == facts["请假（待审批）"]
            && counts["absent"]!.GetValue<int>() == facts["缺席"] && counts["noAnswer"]!.GetValue<int>() == 0
            && counts["notDelivered"]!.GetValue<int>() == facts["发送失败"], $"card {string.Join(", ", facts)}; page {counts.ToJsonString()}");
        var month = page["months"]!.AsArray().Single(m => m!["month"]!.GetValue<string>() == ConsoleSeed.Month(seeded))!["counts"]!;
        Assert.Equal(counts.ToJsonString(), month.ToJsonString());
        var group = page["occurrences"]!.AsArray().Single(o => o!["key"]!.GetValue<string>() == seeded.OccurrenceKey)!["groups"]!.AsArray().Single()!;
        Assert.Equal(ConsoleSeed.Group, group["group"]!.GetValue<string>());
        Assert.Equal(1, group["counts"]!["attending"]!.GetValue<int>());
        Assert.Equal(1, group["counts"]!["absent"]!.GetValue<int>());
    }
}

/// <summary>Data the console tests (HTTP and browser) look at, put in through the bot's own stores and turns.</summary>
internal static class ConsoleSeed
{
    public const string Group = "第一支部";
    public static readonly (string Id, string Aad, string Name)[] Members =
    [
        ("29:member-a", "aaaaaaaa-0000-0000-0000-00000000000a", "赵一"),
        ("29:member-b", "aaaaaaaa-0000-0000-0000-00000000000b", "钱二"),
        ("29:member-c", "aaaaaaaa-0000-0000-0000-00000000000c", "孙三"),
        ("29:member-d", "aaaaaaaa-0000-0000-0000-00000000000d", "李四"),
    ];

    public sealed record Attendance(string EventId, string OccurrenceKey, int Attending, int LeaveApproved, int LeaveRejected, int Absent)
    {
        public DateOnly Day { get; init; }
    }

    /// <summary>Settings for the group: 赵一 and 孙三 are in 第一支部.</summary>
    public static Dictionary<string, string?> Settings => new()
    {
        [$"Audiences:Groups:{Group}:0"] = Members[0].Aad,
        [$"Audiences:Groups:{Group}:1"] = Members[2].Aad,
    };

    /// <summary>
    /// Four members who have talked to the bot, and a 主题党日 two days ago whose leave 第一支部 approves: 赵一 attends, 钱二's
    /// leave was approved, 李四's was not, 孙三 and the admin (also a member the bot knows) did not answer (缺席).
    /// </summary>
    public static async Task<Attendance> AttendanceAsync(FeedbackHost host, CancellationToken ct)
    {
        foreach (var (id, aad, name) in Members) await host.MemberSaysAsync("帮助", id, aad, "a:personal-" + id, name);
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-2), TimeZones.BeijingZone).DateTime.Date;
        var ev = new ReminderEvent
        {
            Id = "console-ev", Title = "主题党日", Kind = "主题党日", Recurrence = new OneOff(day.AddHours(15)), LeadTimes = [],
            PlannedFrom = DateTimeOffset.UtcNow.AddDays(-10), Approvers = ["group:" + Group],
        };
        var key = OccurrenceKeys.Make(ev.Id, DateOnly.FromDateTime(day));
        await using var scope = host.Bot.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IReminderStore>();
        await store.SaveEventAsync(ev, ct);
        await store.SaveRsvpAsync(new Rsvp(key, ev.Id, Members[0].Id, Members[0].Name, RsvpAnswer.Attend, null, DateTimeOffset.UtcNow.AddDays(-3)), ct);
        await store.SaveRsvpAsync(new Rsvp(key, ev.Id, Members[1].Id, Members[1].Name, RsvpAnswer.Leave, "出差", DateTimeOffset.UtcNow.AddDays(-3), LeaveApproval.Approved, DecidedBy: "赵一"), ct);
        await store.SaveRsvpAsync(new Rsvp(key, ev.Id, Members[3].Id, Members[3].Name, RsvpAnswer.Leave, "有事", DateTimeOffset.UtcNow.AddDays(-3), LeaveApproval.Rejected, DecidedBy: "赵一"), ct);
        // Everyone else the bot knows (the admin, and any member who wrote to it before) has not answered.
        var known = (await scope.ServiceProvider.GetRequiredService<IAudienceDirectory>().ResolveMembersAsync(Audience.All, ct)).Count;
        return new Attendance(ev.Id, key, 1, 1, 1, known - 3) { Day = DateOnly.FromDateTime(day) };
    }

    /// <summary>The 出勤 page's month label of the seeded occurrence.</summary>
    public static string Month(Attendance attendance) => attendance.Day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A member submits a ticket through the bot's cards; returns its number (NX-…).</summary>
    public static async Task<string> TicketAsync(FeedbackHost host, string content, bool anonymous, string? userId = null, string? aad = null, string? name = null)
    {
        var conversation = userId is null ? null : "a:personal-" + userId;
        var confirm = await host.FillFormAsync(content, anonymous, userId: userId, aad: aad, conversationId: conversation, name: name);
        var receipt = FeedbackHost.InvokeCard(await host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"), userId, aad, conversation, name: name));
        return System.Text.RegularExpressions.Regex.Match(receipt.Readable(), @"NX-\d{4}-\d{4}").Value;
    }
}

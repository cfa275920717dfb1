using OrganBot.Bot.Reminders;
using OrganBot.Bot.Reminders.Quartz;
using OrganBot.Cards;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Tests.Reminders;

public sealed class RecurrenceTests
{
    private static readonly ICronEvaluator s_cron = new QuartzCronEvaluator();
    private static readonly HashSet<DateOnly> s_noHolidays = [];

    private static ReminderEvent Event(string rule, Action<ReminderEvent>? _ = null) => new()
    {
        Id = "ev1",
        Title = "主题党日",
        Kind = "主题党日",
        Recurrence = RecurrenceParser.Parse(rule, s_cron).Value ?? throw new InvalidOperationException(rule),
    };

    private static List<DateTime> Starts(ReminderEvent ev, string fromUtc, int count, IReadOnlySet<DateOnly>? holidays = null) =>
        [.. OccurrencePlanner.Next(ev, holidays ?? s_noHolidays, s_cron, DateTimeOffset.Parse(fromUtc, System.Globalization.CultureInfo.InvariantCulture), count).Select(o => o.LocalStart)];

    [Fact]
    public void FirstFriday_AcrossMonthAndYearEnds_ExpandsToTheFirstFridays()
    {
        var starts = Starts(Event("每月第一个周五 15:00"), "2026-11-30T00:00:00Z", 4);

        Assert.Equal([new DateTime(2026, 12, 4, 15, 0, 0), new DateTime(2027, 1, 1, 15, 0, 0), new DateTime(2027, 2, 5, 15, 0, 0), new DateTime(2027, 3, 5, 15, 0, 0)], starts);
    }

    [Fact]
    public void FirstFriday_ShanghaiTime_IsSevenHoursEarlierInUtcAllYear()
    {
        var ev = Event("每月第一个周五 15:00");

        var occurrences = OccurrencePlanner.Next(ev, s_noHolidays, s_cron, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 12);

        Assert.All(occurrences, o => Assert.Equal(new TimeSpan(7, 0, 0), o.StartUtc.TimeOfDay));
        Assert.Equal(new DateTimeOffset(2027, 7, 2, 7, 0, 0, TimeSpan.Zero), occurrences[6].StartUtc);
    }

    [Fact]
    public void MonthlyDay31_ShortMonths_FallOnTheLastDay()
    {
        var starts = Starts(Event("每月 31 日 09:30"), "2027-01-01T00:00:00Z", 4);

        Assert.Equal([new DateTime(2027, 1, 31, 9, 30, 0), new DateTime(2027, 2, 28, 9, 30, 0), new DateTime(2027, 3, 31, 9, 30, 0), new DateTime(2027, 4, 30, 9, 30, 0)], starts);
    }

    [Fact]
    public void LastFridayAndWeekly_ExpandAcrossMonthEnd()
    {
        Assert.Equal([new DateTime(2027, 1, 29, 16, 0, 0), new DateTime(2027, 2, 26, 16, 0, 0)], Starts(Event("每月最后一个星期五 16:00"), "2027-01-01T00:00:00Z", 2));
        Assert.Equal([new DateTime(2027, 1, 27, 15, 0, 0), new DateTime(2027, 2, 3, 15, 0, 0)], Starts(Event("每周三 15：00"), "2027-01-26T00:00:00Z", 2));
    }

    [Fact]
    public void Cron_QuartzDialect_ExpandsInTheEventZone()
    {
        var starts = Starts(Event("cron: 0 0 15 ? * FRI#1"), "2026-11-30T00:00:00Z", 2);

        Assert.Equal([new DateTime(2026, 12, 4, 15, 0, 0), new DateTime(2027, 1, 1, 15, 0, 0)], starts);
    }

    [Theory]
    [InlineData("每月第五个周五 15:00", "第五个")]
    [InlineData("每月 32 日 09:00", "1 到 31")]
    [InlineData("每周八 15:00", "无法识别")]
    [InlineData("cron: 0 0 25 * * ?", "cron 表达式")]
    [InlineData("2027-02-30 10:00", "不存在")]
    [InlineData("", "请填写")]
    public void Parse_InvalidRule_ExplainsInChinese(string rule, string expected)
    {
        var (value, error) = RecurrenceParser.Parse(rule, s_cron);

        Assert.Null(value);
        Assert.Contains(expected, error!.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CanonicalText_RoundTrips()
    {
        foreach (var rule in new[] { "每月第一个周五 15:00", "每月 15 日 09:30", "每周三 15:00", "2027-12-04 15:00", "cron: 0 0 15 ? * FRI#1", "每月最后一个周五 16:00" })
        {
            var parsed = RecurrenceParser.Parse(rule, s_cron).Value!;
            Assert.Equal(parsed, RecurrenceParser.Parse(parsed.Text, s_cron).Value);
        }
    }

    [Fact]
    public void LeadTimes_Defaults_AreThreeDaysBeforeAtNineAndOneHourBefore()
    {
        var ev = Event("每月第一个周五 15:00");
        var occurrence = OccurrencePlanner.Next(ev, s_noHolidays, s_cron, new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero), 1)[0];

        var fires = OccurrencePlanner.Reminders(ev, occurrence).Select(r => r.FireUtc).ToList();

        // 2026-12-01 09:00 and 2026-12-04 14:00 Beijing time.
        Assert.Equal([new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero)], fires);
    }

    [Fact]
    public void Holiday_WhenEventAsks_MovesToNextWorkingDay()
    {
        var ev = Event("每月第一个周五 15:00") with { ShiftOnHolidays = true };
        var holidays = new HashSet<DateOnly> { new(2027, 1, 1), new(2027, 1, 4) };

        var january = OccurrencePlanner.Next(ev, holidays, s_cron, new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero), 1)[0];
        var notAsked = OccurrencePlanner.Next(ev with { ShiftOnHolidays = false }, holidays, s_cron, new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero), 1)[0];

        Assert.Equal(new DateTime(2027, 1, 5, 15, 0, 0), january.LocalStart); // Fri holiday, weekend, Mon holiday -> Tue
        Assert.Equal(OccurrenceChange.HolidayShifted, january.Change);
        Assert.Equal(OccurrenceKeys.Make("ev1", new DateOnly(2027, 1, 1)), january.Key);
        Assert.Equal(new DateTime(2027, 1, 1, 15, 0, 0), notAsked.LocalStart);
    }

    [Fact]
    public void Exceptions_SkipAndMove_ChangeOnlyThatOccurrence()
    {
        var ev = Event("每月第一个周五 15:00") with
        {
            Exceptions =
            [
                new OccurrenceException(new DateOnly(2027, 2, 5), ExceptionAction.Skip),
                new OccurrenceException(new DateOnly(2027, 3, 5), ExceptionAction.Move, new DateTime(2027, 3, 9, 14, 30, 0)),
            ],
        };

        var starts = Starts(ev, "2027-01-10T00:00:00Z", 3);

        Assert.Equal([new DateTime(2027, 3, 9, 14, 30, 0), new DateTime(2027, 4, 2, 15, 0, 0), new DateTime(2027, 5, 7, 15, 0, 0)], starts);
    }

    [Fact]
    public void MemberInAnotherZone_SeesBothTimes()
    {
        var ev = Event("每月第一个周五 15:00");
        var occurrence = OccurrencePlanner.Next(ev, s_noHolidays, s_cron, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), 1)[0];

        var view = ReminderViews.Card(ev, occurrence, null, "Europe/Berlin", personal: true, new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), UiLanguage.Chinese);
        var sameZone = ReminderViews.Card(ev, occurrence, null, "Asia/Shanghai", personal: true, new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), UiLanguage.Chinese);

        Assert.Equal("2026年12月4日（周五）15:00（北京时间）", view.TimeLine);
        Assert.Equal("2026年12月4日（周五）08:00（Europe/Berlin）", view.MemberTimeLine);
        Assert.Null(sameZone.MemberTimeLine);
        Assert.Equal("3天后开始", view.StartsIn);
    }

    [Fact]
    public void SpeechLinks_QuoteTheSpeechVerbatim()
    {
        var speech = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "speech.txt"));

        Assert.All(SpeechLinks.All, link => Assert.Contains(link.Quote, speech, StringComparison.Ordinal));
        Assert.Equal("要充分运用红色资源，结合机关党委“党性提升”专题培训，以及各支部“主题党日”活动，教育引导党员干部上好“沉浸式党课”，从党百年奋斗中感悟信仰的力量。", SpeechLinks.Find("theme-party-day")!.Quote);
    }

    [Theory]
    [InlineData("3天前 09:00，1小时前", 2)]
    [InlineData("", 2)]
    [InlineData("30分钟前", 1)]
    public void LeadTimes_Parse_AcceptsChineseList(string text, int count) => Assert.Equal(count, LeadTime.ParseList(text).Value!.Count);

    [Fact]
    public void LeadTimes_Parse_RejectsNonsense() => Assert.NotNull(LeadTime.ParseList("明天").Error);

    [Theory]
    [InlineData("=1+1,2", "\"'=1+1,2\"")]
    [InlineData("+86 10", "\"'+86 10\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("当天出差", "当天出差")]
    public async Task LedgerCsv_FormulaLikeReason_IsNeutralised(string reason, string cell)
    {
        var ledger = new AttendanceLedger("主题党日", "2026年12月4日（周五）15:00", [new AttendanceLedgerRow("张三", "请假", reason, "", "已送达")]);

        var lines = System.Text.Encoding.UTF8.GetString(await AttendanceLedgerExport.WriteAsync(ledger, TestContext.Current.CancellationToken)).Split("\r\n");

        Assert.Equal($"主题党日,2026年12月4日（周五）15:00,张三,请假,{cell},,已送达,", lines[1]); // the last column, 审批意见, is empty
    }
}

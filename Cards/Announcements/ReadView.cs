using System.Globalization;

namespace OrganBot.Cards.Announcements;

/// <summary>
/// Read receipts of an announcement for the admin's card. "Read" means a read receipt arrived; a member whose
/// receipts are turned off never sends one, so <see cref="NoReceipt"/> is "unread or unknown", never "unread" for sure.
/// </summary>
/// <param name="Delivered">1:1 messages delivered.</param>
/// <param name="Read">Of those, covered by a read receipt.</param>
/// <param name="ChannelPosts">Channel posts delivered (no receipts in channels).</param>
/// <param name="FollowUpAfter">Delay of the automatic follow-up (planned, or offered on the preview).</param>
/// <param name="FollowUpPlanned">The automatic follow-up was chosen.</param>
/// <param name="FollowUpsAllowed">Follow-ups are allowed at all (Announcements:MaxFollowUpsPerMember &gt; 0).</param>
public sealed record ReadView(int Delivered, int Read, int ChannelPosts, TimeSpan FollowUpAfter, bool FollowUpPlanned, bool FollowUpsAllowed)
{
    public int NoReceipt => Delivered - Read;

    /// <summary>"24 小时" / "24 hours", "30 分钟", "2 天".</summary>
    public static string Duration(TimeSpan span, UiLanguage language)
    {
        static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        if (span.TotalDays >= 2 && span.TotalDays == Math.Floor(span.TotalDays)) return language.Pick($"{N(span.TotalDays)} 天", $"{N(span.TotalDays)} days");
        if (span.TotalHours >= 1) return language.Pick($"{N(span.TotalHours)} 小时", $"{N(span.TotalHours)} hours");
        if (span.TotalMinutes >= 1) return language.Pick($"{N(span.TotalMinutes)} 分钟", $"{N(span.TotalMinutes)} minutes");
        return language.Pick($"{N(span.TotalSeconds)} 秒", $"{N(span.TotalSeconds)} seconds");
    }

    /// <summary>The counts as one clause for 公告列表, e.g. "，已读 30 / 未读或未知 70".</summary>
    public static string ListClause(ReadView? view, UiLanguage language) => view switch
    {
        null or { Delivered: 0, ChannelPosts: 0 } => "",
        { Delivered: 0 } => language.Pick("，频道帖子无已读回执", ", channel posts have no read receipts"),
        _ => language.Pick($"，已读 {view.Read} / 未读或未知 {view.NoReceipt}", $", read {view.Read} / unread or unknown {view.NoReceipt}"),
    };
}

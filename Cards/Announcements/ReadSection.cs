using System.Globalization;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Announcements;

/// <summary>The admin card's read-receipt part: counts, what "read" means, and the follow-up buttons.</summary>
public static class ReadSection
{
    public const string RemindVerb = "followup.remind";
    public const string MentionVerb = "followup.mention";
    public const string RemindToggleId = "remindUnread";

    public static IEnumerable<CardElement> Build(ControlStage stage, ReadView reads, IReadOnlyDictionary<string, string> data, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        if (stage == ControlStage.Preview)
        {
            if (reads.FollowUpsAllowed)
            {
                yield return new ToggleInput(language.Pick(
                    $"发送 {ReadView.Duration(reads.FollowUpAfter, language)}后仍未读的成员，自动提醒一次",
                    $"Remind members who have not read it after {ReadView.Duration(reads.FollowUpAfter, language)}, once"))
                { Id = RemindToggleId, Value = reads.FollowUpPlanned };
            }

            yield break;
        }

        if (stage is not (ControlStage.Sending or ControlStage.Completed or ControlStage.Recalled)) yield break;
        var facts = new List<(string, string)>();
        if (reads.Delivered > 0)
        {
            facts.Add((en ? "Read (receipt arrived)" : "已读（收到回执）", reads.Read.ToString(CultureInfo.InvariantCulture)));
            facts.Add((en ? "Unread or unknown" : "未读或未知", reads.NoReceipt.ToString(CultureInfo.InvariantCulture)));
        }

        if (reads.ChannelPosts > 0) facts.Add((en ? "Channel posts" : "频道帖子", reads.ChannelPosts.ToString(CultureInfo.InvariantCulture)));
        if (reads.FollowUpPlanned)
        {
            facts.Add((en ? "Automatic reminder" : "自动提醒", language.Pick(
                $"发送 {ReadView.Duration(reads.FollowUpAfter, language)}后提醒仍未读的成员",
                $"members still unread {ReadView.Duration(reads.FollowUpAfter, language)} after sending")));
        }

        if (facts.Count == 0) yield break;
        yield return new FactSet(facts);
        var notes = new List<string>();
        if (reads.Delivered > 0)
        {
            notes.Add(language.Pick(
                "“已读”表示 Teams 发回了已读回执。关闭了已读回执的成员不会发回执，计为“未知”，不算未读。",
                "\"Read\" means Teams sent a read receipt. Members who turned read receipts off never send one: they count as unknown, not as unread."));
        }

        if (reads.ChannelPosts > 0)
        {
            notes.Add(language.Pick("频道中没有已读回执，无法统计频道帖子的阅读情况。", "Channels have no read receipts, so channel posts cannot be counted as read."));
        }

        yield return new TextBlock(string.Join(" ", notes)) { IsSubtle = true, Size = TextSize.Small };
        if (stage == ControlStage.Recalled || !reads.FollowUpsAllowed) yield break;
        var buttons = new List<CardAction>();
        if (reads.NoReceipt > 0)
        {
            buttons.Add(new ExecuteAction(RemindVerb) { Title = language.Pick($"提醒未读（{reads.NoReceipt} 人）", $"Remind the unread ({reads.NoReceipt})"), Data = data });
        }

        if (reads.ChannelPosts > 0)
        {
            buttons.Add(new ExecuteAction(MentionVerb) { Title = language.Pick("在频道中回复并 @团队", "Reply in the channel and @mention the team"), Data = data });
        }

        if (buttons.Count > 0) yield return new ActionSet(buttons);
    }
}

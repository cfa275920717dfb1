using System.Globalization;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Downloads;
using OrganBot.Dialogs.ReadReceipts;
using Microsoft.Extensions.Options;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// Sending and progress: 确认发送 (straight out, or to a second admin first), 取消, the control card with its live
/// counts, 公告列表 and 导出发送结果. The moves themselves are <see cref="AnnouncementService"/>'s.
/// </summary>
public sealed class AnnouncementSending(
    IAnnouncementStore store,
    AnnouncementService service,
    IDownloadLinks downloads,
    FollowUpScheduler followUps,
    IOptionsMonitor<AnnouncementOptions> options)
{
    public async Task SendAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        await followUps.RecordChoiceAsync(announcement, turn.Input, cancellationToken);
        var language = turn.Input.Language;
        if (announcement.State != AnnouncementState.Draft)
        {
            await ShowControlAsync(turn, announcement, null, cancellationToken);
            return;
        }

        announcement = announcement with { ControlConversationId = turn.Input.Conversation.Id, ControlActivityId = turn.Input.ReplyToId ?? announcement.ControlActivityId };
        if (!options.CurrentValue.RequireApproval)
        {
            await GoAsync(turn, announcement, AnnouncementState.Draft, null, cancellationToken);
            return;
        }

        switch (await service.SubmitForApprovalAsync(announcement, cancellationToken))
        {
            case ApprovalOutcome.NoApprover:
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                    "发送前需要另一位管理员批准，但我还联系不到其他管理员。请其他管理员先与我打个招呼，然后再点击“确认发送”。",
                    "A second admin must approve, but I cannot reach another admin yet. Ask one to say hello to me, then press Send again.")), cancellationToken);
                return;
            case ApprovalOutcome.Requested:
                await ShowControlAsync(turn, announcement with { State = AnnouncementState.PendingApproval }, language.Pick("已提交审批，批准后自动发送。", "Submitted; it goes out once approved."), cancellationToken);
                return;
        }
    }

    /// <summary>Schedules or sends, and shows the result (or, if another click won, the announcement as it stands).</summary>
    public async Task GoAsync(ITurnContext turn, Announcement announcement, AnnouncementState from, string? note, CancellationToken cancellationToken)
    {
        var after = await service.GoAsync(announcement, from, cancellationToken);
        if (after is null)
        {
            await ShowControlAsync(turn, (await store.FindAsync(announcement.Id, cancellationToken))!, null, cancellationToken);
            return;
        }

        await ShowControlAsync(turn, after, note, cancellationToken);
    }

    public async Task CancelAsync(ITurnContext turn, Announcement announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (await service.CancelAsync(announcement, cancellationToken))
        {
            await turn.ReplaceCardAsync(AnnouncementNotice.Build(language.Pick("已取消，这条公告不会发送。", "Cancelled; it will not be sent."), language), cancellationToken);
            return;
        }

        await ShowControlAsync(turn, announcement, language.Pick("公告已开始发送，不能取消；如需收回请点击“撤回”。", "It is already being sent; use Withdraw instead."), cancellationToken);
    }

    public async Task ShowControlAsync(ITurnContext turn, Announcement announcement, string? note, CancellationToken cancellationToken)
    {
        var model = await service.ProgressAsync(announcement, turn.Input.Language, cancellationToken);
        await turn.ReplaceCardAsync(ControlCard.Build(note is null ? model : model with { Note = note }, turn.Input.Language), cancellationToken);
    }

    /// <summary>导出发送结果 of the latest sent announcement.</summary>
    public async Task ExportLatestAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var latest = (await store.ListRecentAsync(20, cancellationToken)).FirstOrDefault(a => a.SentAt is not null);
        await ExportAsync(turn, latest, cancellationToken);
    }

    public async Task ExportAsync(ITurnContext turn, Announcement? announcement, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (announcement?.SentAt is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("还没有已发送的公告，暂无发送结果可导出。", "No announcement has been sent yet, so there are no results to export.")), cancellationToken);
            return;
        }

        var link = await downloads.CreateAsync(DownloadPurposes.AnnouncementResults, announcement.Id.ToString(CultureInfo.InvariantCulture), turn.Input.User.AadObjectId!, cancellationToken);
        await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
            $"“{announcement.Content.Title}”的逐人发送结果（CSV，仅限您本人使用一次，{link.Minutes} 分钟内有效）：[下载发送结果]({link.Url.AbsoluteUri})",
            $"Per-recipient results of \"{announcement.Content.Title}\" (CSV; for you only, works once, valid for {link.Minutes} minutes): [Download]({link.Url.AbsoluteUri})")), cancellationToken);
    }

    /// <summary>
    /// 公告列表: the ten most recent, each with its state, counts and reads, 打开 (its control card) and, once sent,
    /// 导出结果. Its 刷新 replaces the card in place.
    /// </summary>
    public async Task ListAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var items = new List<AnnouncementListItem>();
        foreach (var a in await store.ListRecentAsync(10, cancellationToken))
        {
            var model = await service.ProgressAsync(a, language, cancellationToken);
            var counts = a.SentAt is null ? "" : language.Pick($"（送达 {model.Sent} / 失败 {model.Failed} / 待发送 {model.Pending}）", $" (delivered {model.Sent} / failed {model.Failed} / waiting {model.Pending})");
            items.Add(new AnnouncementListItem(a.Id, a.Content.Title, language.Pick("状态：", "Status: ") + StateLabel(a.State, language) + counts + ReadView.ListClause(model.Reads, language), a.SentAt is not null));
        }

        var card = AnnouncementListCard.Build(language, items);
        if (turn.Input.Verb == AnnouncementListCard.ListVerb) await turn.ReplaceCardAsync(card, cancellationToken);
        else await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
    }

    private static string StateLabel(AnnouncementState state, UiLanguage language) => state switch
    {
        AnnouncementState.Draft => language.Pick("草稿", "draft"),
        AnnouncementState.PendingApproval => language.Pick("待审批", "awaiting approval"),
        AnnouncementState.Scheduled => language.Pick("已定时", "scheduled"),
        AnnouncementState.Sending => language.Pick("发送中", "sending"),
        AnnouncementState.Completed => language.Pick("已发送", "sent"),
        AnnouncementState.Recalled => language.Pick("已撤回", "withdrawn"),
        _ => language.Pick("已取消", "cancelled"),
    };
}

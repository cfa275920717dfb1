using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// What happens to an announcement after the admin's clicks: its state machine (Draft → PendingApproval → Scheduled →
/// Sending → Completed, or Cancelled / Recalled; every move is a compare-and-set in the store, so a double click or two
/// admins moving it at once take effect once), expanding the audience into outbox rows, edits and withdrawals in every
/// recipient's chat, and the progress card. Used by the feature's flows and by the background loop.
/// </summary>
public sealed partial class AnnouncementService(
    IAnnouncementStore store,
    IAudienceDirectory audiences,
    IDeliveryQueue queue,
    IDeliveryBatchControl batches,
    AdminAuthorization admins,
    OfficeClock office,
    TimeProvider time,
    ReadReceipts.AnnouncementReadStatus readStatus,
    ILogger<AnnouncementService> logger)
{
    public const string Category = "announcement";

    /// <summary>Recipients' cards are Chinese: the content is written in Chinese, and the preview must equal what is sent.</summary>
    public static readonly UiLanguage RecipientLanguage = UiLanguage.Chinese;

    private static readonly TimeSpan s_rateWindow = TimeSpan.FromSeconds(30);
    private static readonly AnnouncementState[] s_cancellable = [AnnouncementState.Draft, AnnouncementState.PendingApproval, AnnouncementState.Scheduled];

    public static OutgoingMessage RecipientMessage(AnnouncementContent content, string? edited = null) => new()
    {
        Card = AnnouncementCard.Build(content.Title, content.Body, content.ImageUrl, [.. content.Links.Select(l => (l.Title, l.Url))], RecipientLanguage, edited),
        Text = content.Title,
        Notify = true,
    };

    /// <summary>True once the announcement went out: its content can then only be corrected or withdrawn.</summary>
    public static bool IsOut(Announcement announcement) => announcement.State is AnnouncementState.Sending or AnnouncementState.Completed;

    /// <summary>
    /// Draft → PendingApproval, asking every other admin to approve. Back to Draft when no other admin can be reached;
    /// <see cref="ApprovalOutcome.AlreadyMoved"/> when another click moved it first.
    /// </summary>
    public async Task<ApprovalOutcome> SubmitForApprovalAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        if (!await store.TryTransitionAsync(announcement.Id, AnnouncementState.Draft, AnnouncementState.PendingApproval, cancellationToken)) return ApprovalOutcome.AlreadyMoved;
        announcement = announcement with { State = AnnouncementState.PendingApproval };
        if (!await RequestApprovalAsync(announcement, announcement.Content, null, cancellationToken))
        {
            await store.TryTransitionAsync(announcement.Id, AnnouncementState.PendingApproval, AnnouncementState.Draft, cancellationToken);
            return ApprovalOutcome.NoApprover;
        }

        await store.SaveAsync(announcement, cancellationToken);
        return ApprovalOutcome.Requested;
    }

    /// <summary>Schedules or sends, moving the state from <paramref name="from"/> exactly once; null if another click won.</summary>
    public async Task<Announcement?> GoAsync(Announcement announcement, AnnouncementState from, CancellationToken cancellationToken)
    {
        var scheduled = announcement.ScheduledAt is { } at && at > time.GetUtcNow();
        var to = scheduled ? AnnouncementState.Scheduled : AnnouncementState.Sending;
        if (!await store.TryTransitionAsync(announcement.Id, from, to, cancellationToken)) return null;

        announcement = announcement with { State = to };
        await store.SaveAsync(announcement, cancellationToken);
        if (!scheduled) announcement = await DispatchAsync(announcement, cancellationToken);
        LogSubmitted(logger, announcement.Id, to, announcement.RecipientCount);
        return announcement;
    }

    /// <summary>PendingApproval → Cancelled by a second admin; false if it is no longer waiting.</summary>
    public Task<bool> RejectAsync(Announcement announcement, CancellationToken cancellationToken) =>
        store.TryTransitionAsync(announcement.Id, AnnouncementState.PendingApproval, AnnouncementState.Cancelled, cancellationToken);

    /// <summary>Draft, PendingApproval or Scheduled → Cancelled; false once it started going out.</summary>
    public async Task<bool> CancelAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        foreach (var from in s_cancellable)
        {
            if (announcement.State == from && await store.TryTransitionAsync(announcement.Id, from, AnnouncementState.Cancelled, cancellationToken)) return true;
        }

        return false;
    }

    /// <summary>Sending or Completed → Recalled, then withdraws every message; the number of delivered ones, or null if it was not out.</summary>
    public async Task<int?> RecallAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        if (!IsOut(announcement) || !await store.TryTransitionAsync(announcement.Id, announcement.State, AnnouncementState.Recalled, cancellationToken)) return null;
        var count = await ApplyRecallAsync(announcement with { State = AnnouncementState.Recalled }, cancellationToken);
        LogRecalled(logger, announcement.Id, count);
        return count;
    }

    /// <summary>Corrects a sent announcement at once (no approval needed); the number of delivered messages that will be updated.</summary>
    public async Task<(Announcement Edited, int Updated)> CorrectAsync(Announcement announcement, AnnouncementContent content, CancellationToken cancellationToken)
    {
        var edited = announcement with { Content = content, Revision = announcement.Revision + 1 };
        await store.SaveAsync(edited, cancellationToken);
        return (edited, await ApplyEditAsync(edited, cancellationToken));
    }

    /// <summary>Keeps a correction of a sent announcement waiting for a second admin; false (and nothing kept) when none can be reached.</summary>
    public async Task<bool> RequestEditApprovalAsync(Announcement announcement, AnnouncementContent content, CancellationToken cancellationToken)
    {
        await store.SetPendingEditAsync(announcement.Id, content, cancellationToken);
        if (await RequestApprovalAsync(announcement, content, EditToken(content), cancellationToken)) return true;
        await store.SetPendingEditAsync(announcement.Id, null, cancellationToken);
        return false;
    }

    /// <summary>Takes the waiting edit if it is the one <paramref name="editToken"/> names and the announcement is still out.</summary>
    public async Task<bool> TryTakeEditAsync(Announcement announcement, string editToken, CancellationToken cancellationToken) =>
        IsOut(announcement)
        && announcement.PendingEdit is { } edit
        && EditToken(edit) == editToken
        && await store.TryTakePendingEditAsync(announcement.Id, edit, cancellationToken);

    /// <summary>Applies the waiting edit taken by <see cref="TryTakeEditAsync"/>; the number of delivered messages that will be updated.</summary>
    public async Task<int> ApplyApprovedEditAsync(Announcement announcement, string? approverAadObjectId, CancellationToken cancellationToken)
    {
        var edited = announcement with { Content = announcement.PendingEdit!, PendingEdit = null, Revision = announcement.Revision + 1, ApproverAadObjectId = approverAadObjectId };
        await store.SaveAsync(edited, cancellationToken);
        var updated = await ApplyEditAsync(edited, cancellationToken);
        LogEditApproved(logger, announcement.Id, updated);
        return updated;
    }

    /// <summary>Writes one outbox row per recipient. Safe to repeat: rows are keyed by announcement and recipient.</summary>
    public async Task<Announcement> DispatchAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var targets = await audiences.ResolveAsync(announcement.Audience, cancellationToken);
        var message = RecipientMessage(announcement.Content);
        var requests = targets.Select(t => new DeliveryRequest(
            $"{announcement.BatchId}:{Key(t)}", t, message, announcement.BatchId, Category)).ToList();
        await queue.EnqueueAsync(requests, cancellationToken);
        var updated = announcement with { State = AnnouncementState.Sending, RecipientCount = requests.Count, SentAt = time.GetUtcNow() };
        await store.SaveAsync(updated, cancellationToken);
        return updated;
    }

    /// <summary>
    /// Asks every other admin the bot can reach to approve <paramref name="content"/>: the announcement itself, or (with
    /// <paramref name="editToken"/>) an edit of one already approved. False when no other admin can be reached.
    /// </summary>
    public async Task<bool> RequestApprovalAsync(Announcement announcement, AnnouncementContent content, string? editToken, CancellationToken cancellationToken)
    {
        var approvers = admins.AdminObjectIds.Where(a => !a.Equals(announcement.AuthorAadObjectId, StringComparison.OrdinalIgnoreCase)).ToList();
        var users = await audiences.FindUsersAsync(approvers, cancellationToken);
        if (users.Count == 0) return false;

        var note = editToken is null
            ? $"发起人：{announcement.AuthorName}。公告内容见下一条消息。"
            : $"发起人：{announcement.AuthorName}。这是对已发出公告的修改，批准后将替换成员已收到的消息；修改后的内容见下一条消息。";
        var request = ControlCard.Build(
            new ControlModel(announcement.Id, content.Title, AudienceLabel(announcement.Audience, UiLanguage.Chinese), ControlStage.ApprovalRequest, Note: note, EditToken: editToken),
            UiLanguage.Chinese);
        var round = editToken is null ? "approval" : "edit-approval:" + editToken;
        var batch = $"{announcement.BatchId}:approval";
        var requests = users.SelectMany(u => new[]
        {
            new DeliveryRequest($"{announcement.BatchId}:{round}:{u}", new DeliveryTarget.User(u), OutgoingMessage.FromCard(request, "请审批公告"), batch, Category),
            new DeliveryRequest($"{announcement.BatchId}:{round}-preview:{u}", new DeliveryTarget.User(u), RecipientMessage(content), batch, Category),
        }).ToList();
        await queue.EnqueueAsync(requests, cancellationToken);
        return true;
    }

    /// <summary>Names one exact edit (its content), so an approval can only ever apply the edit the approver was shown.</summary>
    public static string EditToken(AnnouncementContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new { content.Title, content.Body, content.ImageUrl, Links = content.Links.Select(l => new[] { l.Title, l.Url }) }))))[..16];

    /// <summary>An edit after sending: pending rows carry the new card, sent ones are updated in place (PUT).</summary>
    public async Task<int> ApplyEditAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var edited = RecipientMessage(announcement.Content, EditedNote());
        await batches.ReplacePendingMessageAsync(announcement.BatchId, edited, cancellationToken);
        return await FollowSentRowsAsync(announcement, $"{announcement.BatchId}:r{announcement.Revision}", edited, cancellationToken);
    }

    /// <summary>A withdrawal: pending rows are cancelled, sent ones replaced by a "withdrawn" card.</summary>
    public async Task<int> ApplyRecallAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        await batches.CancelPendingAsync(announcement.BatchId, cancellationToken);
        var recalled = new OutgoingMessage { Card = AnnouncementCard.Recalled(announcement.Content.Title, RecipientLanguage), Text = "此公告已撤回" };
        return await FollowSentRowsAsync(announcement, $"{announcement.BatchId}:recall", recalled, cancellationToken);
    }

    /// <summary>Queues an update of every sent message of the announcement; rows already queued for this batch are skipped.</summary>
    private async Task<int> FollowSentRowsAsync(Announcement announcement, string batchId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var sent = (await queue.GetBatchAsync(announcement.BatchId, cancellationToken))
            .Where(s => s.State == DeliveryState.Sent && s.ConversationId is not null && s.ActivityId is not null).ToList();
        var requests = sent.Select(s => new DeliveryRequest(
            $"{batchId}:{s.ConversationId}", new DeliveryTarget.Conversation(s.ConversationId!), message, batchId, Category,
            Operation: DeliveryOperation.Update, ActivityId: s.ActivityId)).ToList();
        await queue.EnqueueAsync(requests, cancellationToken);
        return requests.Count;
    }

    /// <summary>The admin's card for the announcement as it stands now.</summary>
    public async Task<ControlModel> ProgressAsync(Announcement announcement, UiLanguage language, CancellationToken cancellationToken)
    {
        var stage = announcement.State switch
        {
            AnnouncementState.Draft => ControlStage.Preview,
            AnnouncementState.PendingApproval => ControlStage.AwaitingApproval,
            AnnouncementState.Scheduled => ControlStage.Scheduled,
            AnnouncementState.Sending => ControlStage.Sending,
            AnnouncementState.Completed => ControlStage.Completed,
            AnnouncementState.Recalled => ControlStage.Recalled,
            _ => ControlStage.Cancelled,
        };
        var model = new ControlModel(announcement.Id, announcement.Content.Title, AudienceLabel(announcement.Audience, language), stage, announcement.RecipientCount);
        if (stage is ControlStage.Scheduled && announcement.ScheduledAt is { } at)
        {
            model = model with { Note = language.Pick($"将于 {FormatTime(at, language)} 发送。", $"Will be sent at {FormatTime(at, language)}.") };
        }

        if (stage is not (ControlStage.Sending or ControlStage.Completed or ControlStage.Recalled)) return await readStatus.AddAsync(announcement, model, cancellationToken);

        var summary = await batches.SummarizeAsync(announcement.BatchId, s_rateWindow, cancellationToken);
        var elapsed = announcement.SentAt is { } sentAt ? time.GetUtcNow() - sentAt : s_rateWindow;
        var window = elapsed < s_rateWindow ? elapsed : s_rateWindow;
        double? rate = window > TimeSpan.FromSeconds(1) ? summary.SentInWindow / window.TotalSeconds : null;
        var pending = summary.Pending + summary.Sending;
        string? eta = null;
        if (stage == ControlStage.Sending && pending > 0 && rate is > 0)
        {
            eta = FormatTime(time.GetUtcNow() + TimeSpan.FromSeconds(pending / rate.Value), language);
        }

        return await readStatus.AddAsync(announcement, model with
        {
            Total = summary.Total,
            Sent = summary.Sent,
            Failed = summary.Failed + (stage == ControlStage.Recalled ? 0 : summary.Expired),
            Pending = pending,
            RatePerSecond = rate,
            EstimatedFinish = eta,
        }, cancellationToken);
    }

    public string AudienceLabel(Audience audience, UiLanguage language) => audience.Kind switch
    {
        AudienceKind.AllMembers => language.Pick("全体成员（单独发送）", "All members (1:1)"),
        AudienceKind.AllTeamChannels => language.Pick("所有团队的“常规”频道", "The General channel of every team"),
        AudienceKind.Team => language.Pick($"团队成员：{audience.Label ?? audience.Key}", $"Team members: {audience.Label ?? audience.Key}"),
        _ => language.Pick($"分组：{audience.Key}", $"Group: {audience.Key}"),
    };

    public string FormatTime(DateTimeOffset at, UiLanguage language)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone());
        if (language == UiLanguage.English) return local.ToString("yyyy-MM-dd (ddd) HH:mm", CultureInfo.InvariantCulture);
        var week = "日一二三四五六"[(int)local.DayOfWeek];
        return $"{local.Year}年{local.Month}月{local.Day}日（周{week}）{local:HH:mm}";
    }

    /// <summary>The office's zone (Bot:TimeZone): scheduled times are entered and shown in it.</summary>
    public TimeZoneInfo Zone() => office.Zone;

    private string EditedNote() => $"（已于 {FormatTime(time.GetUtcNow(), RecipientLanguage)} 更正）";

    private static string Key(DeliveryTarget target) => target switch
    {
        DeliveryTarget.User user => "u:" + user.UserId,
        DeliveryTarget.Conversation conversation => "c:" + conversation.ConversationId,
        _ => "?",
    };

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Announcement {Id} is now {State} for {Recipients} recipients")]
    private static partial void LogSubmitted(ILogger logger, long id, AnnouncementState state, int recipients);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Edit of announcement {Id} approved; {Count} delivered messages will be updated")]
    private static partial void LogEditApproved(ILogger logger, long id, int count);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Announcement {Id} withdrawn; {Count} delivered messages will be replaced")]
    private static partial void LogRecalled(ILogger logger, long id, int count);
}

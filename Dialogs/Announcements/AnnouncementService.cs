using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// What happens to an announcement after the admin's clicks: expanding the audience into outbox rows, edits and
/// withdrawals in every recipient's chat, and the progress card. Used by the feature and by the background loop.
/// </summary>
public sealed class AnnouncementService(
    IAnnouncementStore store,
    IAudienceDirectory audiences,
    IDeliveryQueue queue,
    IDeliveryBatchControl batches,
    AdminAuthorization admins,
    OfficeClock office,
    TimeProvider time,
    ReadReceipts.AnnouncementReadStatus readStatus)
{
    public const string Category = "announcement";

    /// <summary>Recipients' cards are Chinese: the content is written in Chinese, and the preview must equal what is sent.</summary>
    public static readonly UiLanguage RecipientLanguage = UiLanguage.Chinese;

    private static readonly TimeSpan s_rateWindow = TimeSpan.FromSeconds(30);

    public static OutgoingMessage RecipientMessage(AnnouncementContent content, string? edited = null) => new()
    {
        Card = AnnouncementCard.Build(content.Title, content.Body, content.ImageUrl, [.. content.Links.Select(l => (l.Title, l.Url))], RecipientLanguage, edited),
        Text = content.Title,
        Notify = true,
    };

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
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>
/// 未读提醒: a short follow-up, as a reply to the announcement, to exactly the members whose copy no read receipt covers
/// yet; in channels (no receipts) a reply that @mentions the team. Everything goes through the outbox, so it is paced,
/// survives a restart and is sent once: the k-th follow-up to a chat has the dedup key "ann:{id}:followup:{k}:{chat}",
/// and k never exceeds <see cref="FollowUpOptions.MaxFollowUpsPerMember"/>, however often or concurrently it is asked for.
/// </summary>
public sealed class AnnouncementFollowUp(
    IReadTracking reads,
    IDeliveryQueue queue,
    AnnouncementService announcements,
    IOptionsMonitor<FollowUpOptions> options)
{
    public const string Category = "followup";

    public static string BatchFor(long announcementId) => $"{Announcement.BatchFor(announcementId)}:followup";

    /// <summary>Queues a reminder to every member with no read receipt yet. Returns how many were queued and how many had reached the limit.</summary>
    public async Task<FollowUpResult> RemindUnreadAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        if (!IsLive(announcement)) return FollowUpResult.Nothing;
        var unread = await reads.ListUnreadAsync(announcement.BatchId, cancellationToken);
        var sentAt = announcement.SentAt is { } at ? announcements.FormatTime(at, AnnouncementService.RecipientLanguage) : "";
        var message = new OutgoingMessage
        {
            Card = FollowUpCard.Build(announcement.Content.Title, sentAt, AnnouncementService.RecipientLanguage),
            Text = FollowUpCard.Summary(announcement.Content.Title, AnnouncementService.RecipientLanguage),
            Notify = true,
        };
        return await QueueAsync(announcement, [.. unread.Select(u => (u.ConversationId, u.ActivityId, message))], cancellationToken);
    }

    /// <summary>Channel posts have no receipts: replies to each post that @mention the channel's team.</summary>
    public async Task<FollowUpResult> MentionTeamsAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        if (!IsLive(announcement)) return FollowUpResult.Nothing;
        var posts = await reads.ListChannelPostsAsync(announcement.BatchId, cancellationToken);
        return await QueueAsync(announcement, [.. posts.Select(p => (p.ConversationId, p.ActivityId, MentionMessage(announcement.Content.Title, p)))], cancellationToken);
    }

    private static bool IsLive(Announcement announcement) => announcement.State is AnnouncementState.Sending or AnnouncementState.Completed;

    private async Task<FollowUpResult> QueueAsync(Announcement announcement, IReadOnlyList<(string ConversationId, string ActivityId, OutgoingMessage Message)> targets, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxFollowUpsPerMember;
        var batch = BatchFor(announcement.Id);
        // How many follow-ups each chat has had (queued or sent): the next one is number k + 1.
        var earlier = (await queue.GetBatchAsync(batch, cancellationToken))
            .Select(s => s.Target).OfType<DeliveryTarget.Conversation>()
            .GroupBy(t => t.ConversationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var requests = new List<DeliveryRequest>(targets.Count);
        var atLimit = 0;
        foreach (var (conversationId, activityId, message) in targets)
        {
            var number = earlier.GetValueOrDefault(conversationId) + 1;
            if (number > limit)
            {
                atLimit++;
                continue;
            }

            requests.Add(new DeliveryRequest($"{batch}:{number}:{conversationId}", new DeliveryTarget.Conversation(conversationId), message, batch, Category, ActivityId: activityId));
        }

        var queued = await queue.EnqueueAsync(requests, cancellationToken);
        return new FollowUpResult(queued, atLimit + (requests.Count - queued));
    }

    private static OutgoingMessage MentionMessage(string title, ChannelPost post)
    {
        if (post.TeamId is null) return OutgoingMessage.FromText($"提醒：请各位查看公告“{title}”。") with { Notify = true };
        var mention = $"<at>{post.TeamName ?? "团队"}</at>";
        return new OutgoingMessage
        {
            Text = $"{mention} 提醒：请各位查看公告“{title}”。",
            Entities =
            [
                new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = mention,
                    ["mentioned"] = new JsonObject { ["id"] = post.TeamId, ["name"] = post.TeamName ?? "团队", ["type"] = "team" },
                },
            ],
            Notify = true,
        };
    }
}

/// <param name="Queued">Follow-ups newly queued.</param>
/// <param name="AtLimit">Recipients skipped: they already had the allowed number of follow-ups (or one is already queued).</param>
public sealed record FollowUpResult(int Queued, int AtLimit)
{
    public static readonly FollowUpResult Nothing = new(0, 0);
}

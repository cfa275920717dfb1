using System.Diagnostics;
using System.Globalization;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.ReadReceipts;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.ReadReceipts;

namespace OrganBot.Bench;

/// <summary>
/// <c>delivery --read 0.3</c>: an announcement already delivered to every member (one Sent outbox row each, with a
/// Teams-shaped numeric message id), read receipts from a share of them, then 提醒未读. The benchmark then measures how
/// the follow-up to the others goes through the pipeline.
/// </summary>
internal static class FollowUpScenario
{
    private const long FirstMessageId = 1_764_000_000_000;

    public static string MemberId(int i) => $"29:bench-{i:D6}";

    public static string ChatId(int i) => "a:dm-" + MemberId(i);

    public static bool Reads(int i, double readShare) => i % 100 < (int)Math.Round(readShare * 100);

    /// <summary>Seeds the announcement, applies the receipts, presses 提醒未读; returns the follow-up batch id and when it was pressed.</summary>
    public static async Task<(string BatchId, long Pressed)> StartAsync(IServiceProvider services, int recipients, double readShare)
    {
        long announcementId;
        await using (var scope = services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IAnnouncementStore>();
            var sentAt = TimeProvider.System.GetUtcNow();
            var announcement = await store.AddAsync(new Announcement
            {
                Content = new AnnouncementContent("基准测试公告", "请各支部于**12月4日**前报名。", null, []),
                Audience = new Audience(AudienceKind.AllMembers),
                State = AnnouncementState.Completed,
                AuthorAadObjectId = "bench-admin",
                RecipientCount = recipients,
                CreatedAt = sentAt,
                SentAt = sentAt,
            }, CancellationToken.None);
            announcementId = announcement.Id;
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < recipients; i++)
            {
                var activityId = (FirstMessageId + i).ToString(CultureInfo.InvariantCulture);
                db.Set<DeliveryRecord>().Add(new DeliveryRecord
                {
                    DedupKey = $"{announcement.BatchId}:u:{MemberId(i)}",
                    BatchId = announcement.BatchId,
                    Category = AnnouncementService.Category,
                    TargetKind = DeliveryStore.UserTarget,
                    TargetId = MemberId(i),
                    MessageJson = "{}",
                    State = DeliveryState.Sent,
                    Attempts = 1,
                    NextAttemptAt = sentAt,
                    ConversationId = ChatId(i),
                    ActivityId = activityId,
                    MessageNumber = TeamsMessageId.ToNumber(activityId),
                    CreatedAt = sentAt,
                    SentAt = sentAt,
                    CompletedAt = sentAt,
                });
                if (i % 1000 == 999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }

            await db.SaveChangesAsync();
        }

        var receipts = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < recipients; i++)
        {
            if (!Reads(i, readShare)) continue;
            await using var scope = services.CreateAsyncScope();
            // The member has read up to a later message in the chat: the announcement is at or before it.
            receipts += await scope.ServiceProvider.GetRequiredService<ReadReceiptReceiver>()
                .MarkReadAsync(ChatId(i), (FirstMessageId + recipients + i).ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        }

        var receiptTime = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"read receipts: {receipts} deliveries marked read in {receiptTime.TotalSeconds:0.00} s ({receipts / Math.Max(0.001, receiptTime.TotalSeconds):0} receipts/s, one UPDATE each)");

        var pressed = started = Stopwatch.GetTimestamp();
        await using (var scope = services.CreateAsyncScope())
        {
            var announcement = (await scope.ServiceProvider.GetRequiredService<IAnnouncementStore>().FindAsync(announcementId, CancellationToken.None))!;
            var result = await scope.ServiceProvider.GetRequiredService<AnnouncementFollowUp>().RemindUnreadAsync(announcement, CancellationToken.None);
            Console.WriteLine($"提醒未读 pressed: {result.Queued} follow-ups queued in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s ({result.AtLimit} at the limit)");
        }

        return (AnnouncementFollowUp.BatchFor(announcementId), pressed);
    }
}

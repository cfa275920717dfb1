using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganBot.Bot.Downloads;
using OrganBot.Bot.Exports;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Bot.Announcements;

/// <summary>
/// 导出发送结果 behind the one-time admin download link (<see cref="DownloadEndpoints"/>; object = announcement id): a
/// per-recipient CSV (UTF-8 with BOM so Excel shows Chinese). It names members and their Teams ids, which the admins
/// need to follow up failures; that is why only the admin who asked can open it, once.
/// </summary>
internal sealed class AnnouncementExport(BotDbContext db, IDeliveryQueue queue, OfficeClock office) : IDownloadSource
{
    public string Purpose => DownloadPurposes.AnnouncementResults;

    /// <summary>The CSV, or null when there is no such sent announcement.</summary>
    public async Task<DownloadFile?> BuildAsync(string objectId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(objectId, NumberStyles.None, CultureInfo.InvariantCulture, out var announcementId)) return null;
        var row = await db.Set<AnnouncementRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == announcementId, cancellationToken);
        if (row?.SentAt is null) return null;

        var statuses = await queue.GetBatchAsync(Announcement.BatchFor(announcementId), cancellationToken);
        var memberIds = statuses.Select(s => s.Target).OfType<DeliveryTarget.User>().Select(u => u.UserId).ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var channels = await db.Conversations.AsNoTracking().Where(c => c.TeamId != null && c.Id == c.TeamId).ToDictionaryAsync(c => c.Id, c => c.TeamName, cancellationToken);
        var zone = office.Zone;

        var content = await ExcelCsv.WriteAsync(
            ["收件人", "类型", "ID", "状态", "尝试次数", "发送时间", "原因", "已读时间"],
            statuses.Select(s =>
            {
                var (kind, id, name) = s.Target switch
                {
                    DeliveryTarget.User u => ("成员", u.UserId, names.GetValueOrDefault(u.UserId)),
                    DeliveryTarget.Conversation c => ("频道", c.ConversationId, channels.GetValueOrDefault(c.ConversationId)),
                    _ => ("", "", null),
                };
                return (IReadOnlyList<string>)
                [
                    name ?? "",
                    kind,
                    id,
                    StateLabel(s),
                    s.Attempts.ToString(CultureInfo.InvariantCulture),
                    s.SentAt is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "",
                    s.State == DeliveryState.Failed ? Reason(s.Error) : "",
                    s.ReadAt is { } read ? TimeZoneInfo.ConvertTime(read, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "",
                ];
            }),
            cancellationToken);
        return new DownloadFile(content, $"announcement-{announcementId}-results.csv", statuses.Count);
    }

    private static string StateLabel(DeliveryStatus s) => s.State switch
    {
        DeliveryState.Sent => "已发送",
        DeliveryState.Failed => "失败",
        DeliveryState.Expired => s.Error == "cancelled" ? "已撤回未发送" : "已过期",
        _ => "待发送",
    };

    private static string Reason(string? error) => error switch
    {
        null => "",
        _ when error.StartsWith("403", StringComparison.Ordinal) => "对方已屏蔽或卸载应用（403）",
        _ when error.StartsWith("404", StringComparison.Ordinal) => "会话不存在（404）",
        _ => "多次重试后仍未送达：" + error,
    };
}

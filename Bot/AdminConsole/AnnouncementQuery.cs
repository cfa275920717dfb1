using OrganBot.Cards;
using OrganBot.Dialogs.Announcements;

namespace OrganBot.Bot.AdminConsole;

/// <summary>The 公告 page: the recent announcements with the numbers of their admin card (<see cref="AnnouncementService.ProgressAsync"/>).</summary>
internal sealed class AnnouncementQuery(IAnnouncementStore store, AnnouncementService announcements)
{
    public sealed record Row(long Id, string Title, string Audience, string Stage, string? SentAt, int Total, int Sent, int Failed, int Pending,
        int Delivered, int Read, int ChannelPosts, bool CanRemind);

    public async Task<IReadOnlyList<Row>> BuildAsync(UiLanguage language, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        foreach (var announcement in await store.ListRecentAsync(20, cancellationToken))
        {
            rows.Add(await RowAsync(announcement, language, cancellationToken));
        }

        return rows;
    }

    public async Task<Row> RowAsync(Announcement announcement, UiLanguage language, CancellationToken cancellationToken)
    {
        var model = await announcements.ProgressAsync(announcement, language, cancellationToken);
        var reads = model.Reads;
        var live = announcement.State is AnnouncementState.Sending or AnnouncementState.Completed;
        return new Row(announcement.Id, announcement.Content.Title, model.AudienceLabel, model.Stage.ToString(),
            announcement.SentAt is { } at ? announcements.FormatTime(at, language) : null,
            model.Total, model.Sent, model.Failed, model.Pending, reads?.Delivered ?? 0, reads?.Read ?? 0, reads?.ChannelPosts ?? 0,
            live && reads is { FollowUpsAllowed: true, NoReceipt: > 0 });
    }
}

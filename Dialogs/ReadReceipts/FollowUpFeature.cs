using System.Globalization;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>
/// The follow-up buttons on the admin's announcement card (verbs <c>followup.*</c>): remind the members without a read
/// receipt, or @mention the team in a reply to each channel post. Admins only.
/// </summary>
public sealed partial class FollowUpFeature(
    IAnnouncementStore store,
    AnnouncementFollowUp followUp,
    ILogger<FollowUpFeature> logger) : IFeature
{
    public Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (!turn.IsAdmin)
        {
            LogRefused(logger, turn.Input.Verb);
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick(
                "抱歉，未读提醒仅对管理员开放。",
                "Sorry, only administrators can send reminders about announcements.")), cancellationToken);
            return;
        }

        var announcement = long.TryParse(turn.Input.Data("announcementId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await store.FindAsync(id, cancellationToken)
            : null;
        if (announcement is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("没有找到这条公告，可能已被删除。", "That announcement no longer exists.")), cancellationToken);
            return;
        }

        if (announcement.State is not (AnnouncementState.Sending or AnnouncementState.Completed))
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这条公告未在发送或已撤回，无需提醒。", "This announcement is not out (or was withdrawn); there is nobody to remind.")), cancellationToken);
            return;
        }

        var mention = turn.Input.Verb == ReadSection.MentionVerb;
        var result = mention
            ? await followUp.MentionTeamsAsync(announcement, cancellationToken)
            : await followUp.RemindUnreadAsync(announcement, cancellationToken);
        LogQueued(logger, announcement.Id, mention ? "mention" : "remind", result.Queued, result.AtLimit);
        await turn.SendAsync(OutgoingMessage.FromText(Describe(announcement.Content.Title, mention, result, language)), cancellationToken);
    }

    private static string Describe(string title, bool mention, FollowUpResult result, UiLanguage language)
    {
        var limit = result.AtLimit == 0 ? "" : language.Pick(
            $"另有 {result.AtLimit} 个已达到提醒次数上限，不再提醒。",
            $" {result.AtLimit} already had the allowed number of reminders and were skipped.");
        if (result.Queued == 0)
        {
            return language.Pick($"“{title}”目前没有需要提醒的对象。", $"Nobody needs a reminder about \"{title}\" right now.") + limit;
        }

        return mention
            ? language.Pick($"正在 {result.Queued} 个频道中回复公告“{title}”并 @团队。", $"Replying to \"{title}\" in {result.Queued} channels with an @mention of the team.") + limit
            : language.Pick($"正在向 {result.Queued} 位尚未读“{title}”的成员发送未读提醒。", $"Sending a reminder about \"{title}\" to {result.Queued} members who have not read it.") + limit;
    }

    [LoggerMessage(EventId = 8611, Level = LogLevel.Warning, Message = "Non-admin tried follow-up action {Verb}")]
    private static partial void LogRefused(ILogger logger, string? verb);

    [LoggerMessage(EventId = 8612, Level = LogLevel.Information, Message = "Announcement {Id} follow-up ({Kind}): {Queued} queued, {AtLimit} at the limit")]
    private static partial void LogQueued(ILogger logger, long id, string kind, int queued, int atLimit);
}

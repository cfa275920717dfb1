using System.Globalization;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Announcements;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Announcements;

/// <summary>
/// 发布公告 / 公告列表 / 导出发送结果 (<see cref="AnnouncementCommands"/>) and the announce.* card verbs: checks every entry point comes from an admin (identity
/// from the authenticated activity), finds the announcement a card names, and hands the click to
/// <see cref="AnnouncementDrafting"/> (compose, preview, approve), <see cref="AnnouncementSending"/> (send, progress,
/// cancel, list, export) or <see cref="AnnouncementCorrections"/> (correct and withdraw after sending).
/// </summary>
public sealed partial class AnnouncementsFeature(
    IAnnouncementStore store,
    AnnouncementDrafting drafting,
    AnnouncementSending sending,
    AnnouncementCorrections corrections,
    ILogger<AnnouncementsFeature> logger) : IFeature
{
    public async Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken)
    {
        if (!turn.IsAdmin)
        {
            await RefuseAsync(turn, cancellationToken);
            return;
        }

        if (command == AnnouncementCommands.List) await sending.ListAsync(turn, cancellationToken);
        else if (command == AnnouncementCommands.Export) await sending.ExportLatestAsync(turn, cancellationToken);
        else await drafting.ComposeAsync(turn, cancellationToken);
    }

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.IsAdmin)
        {
            LogRefused(logger, turn.Input.Verb);
            await RefuseAsync(turn, cancellationToken);
            return;
        }

        var language = turn.Input.Language;
        Announcement? announcement = null;
        if (long.TryParse(turn.Input.Data("announcementId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            announcement = await store.FindAsync(id, cancellationToken);
            if (announcement is null)
            {
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick("没有找到这条公告，可能已被删除。", "That announcement no longer exists.")), cancellationToken);
                return;
            }
        }

        switch (turn.Input.Verb)
        {
            case ComposeCard.PreviewVerb:
                await drafting.PreviewAsync(turn, announcement, cancellationToken);
                return;
            case ComposeCard.CancelVerb when announcement is null:
                await drafting.DiscardAsync(turn, cancellationToken);
                return;
        }

        if (announcement is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这个按钮已失效，请重新发送“发布公告”。", "This button is no longer active. Send \"发布公告\" again.")), cancellationToken);
            return;
        }

        var handled = turn.Input.Verb switch
        {
            ControlCard.SendVerb => sending.SendAsync(turn, announcement, cancellationToken),
            ControlCard.ApproveVerb => drafting.ApproveAsync(turn, announcement, cancellationToken),
            ControlCard.RejectVerb => drafting.RejectAsync(turn, announcement, cancellationToken),
            ControlCard.CancelVerb => sending.CancelAsync(turn, announcement, cancellationToken),
            ControlCard.EditVerb => drafting.EditAsync(turn, announcement, cancellationToken),
            ControlCard.RecallVerb => corrections.RecallAsync(turn, announcement, cancellationToken),
            ControlCard.ExportVerb => sending.ExportAsync(turn, announcement, cancellationToken),
            _ => sending.ShowControlAsync(turn, announcement, null, cancellationToken),
        };
        await handled;
    }

    private static Task RefuseAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
            "抱歉，发布和管理公告仅对管理员开放。如需发布通知，请联系机关党委办公室。",
            "Sorry, only administrators can publish and manage announcements. Please contact the office if you need to send a notice.")), cancellationToken);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Non-admin tried announcement action {Verb}")]
    private static partial void LogRefused(ILogger logger, string? verb);
}

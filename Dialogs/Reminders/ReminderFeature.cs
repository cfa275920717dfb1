using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Reminders;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Dialogs.Reminders;

/// <summary>
/// The reminder commands (<see cref="ReminderCommands"/>: <c>提醒管理</c>, <c>出勤统计</c>, <c>我的提醒</c>) and buttons (verbs <c>remind.*</c>): checks that admin
/// actions come from an admin and hands each one to <see cref="ReminderAdminActions"/>, <see cref="AttendanceReport"/> or
/// <see cref="MemberReminderActions"/>.
/// </summary>
public sealed partial class ReminderFeature(
    ReminderAdminActions admin,
    AttendanceReport attendance,
    MemberReminderActions members,
    LeaveApprovals approvals,
    ILogger<ReminderFeature> logger) : IFeature
{
    public async Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (command == ReminderCommands.Admin || command == ReminderCommands.Stats || command == ReminderCommands.Ledger)
        {
            if (!turn.IsAdmin)
            {
                await turn.SendAsync(OutgoingMessage.FromText(ReminderTexts.NotAdmin(language)), cancellationToken);
                return;
            }

            if (command == ReminderCommands.Ledger)
            {
                await attendance.MemberLedgerAsync(turn, export: false, asNewCard: true, cancellationToken);
                return;
            }

            var card = command == ReminderCommands.Admin ? await admin.ListCardAsync(null, language, cancellationToken) : await attendance.StatsPickerAsync(language, cancellationToken);
            await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromCard(await members.MyRemindersAsync(turn, null, cancellationToken)), cancellationToken);
    }

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var verb = turn.Input.Verb ?? "";
        var language = turn.Input.Language;
        if (verb.StartsWith("remind.admin.", StringComparison.Ordinal) && !turn.IsAdmin)
        {
            LogNotAdmin(logger, verb);
            await turn.SendAsync(OutgoingMessage.FromText(ReminderTexts.NotAdmin(language)), cancellationToken);
            return;
        }

        switch (verb)
        {
            case ReminderAdminCards.ListVerb:
                await turn.ReplaceCardAsync(await admin.ListCardAsync(null, language, cancellationToken), cancellationToken);
                return;
            case ReminderAdminCards.NewVerb:
                await admin.NewAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.EditVerb:
                await admin.EditAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.SaveVerb:
                await admin.SaveAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.PauseVerb:
                await admin.PauseAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.DeleteVerb:
            case ReminderAdminCards.DeleteConfirmVerb:
                await admin.DeleteAsync(turn, verb == ReminderAdminCards.DeleteConfirmVerb, cancellationToken);
                return;
            case ReminderAdminCards.PreviewVerb:
                await admin.PreviewAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.ExceptionVerb:
                await admin.ExceptionAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.StatsVerb:
                await attendance.StatsAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.ExportVerb:
                await attendance.ExportAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.SendNowVerb:
                await admin.SendNowAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.SkipLateVerb:
                await admin.SkipLateAsync(turn, cancellationToken);
                return;
            case ReminderCard.PreviewPressVerb:
                await admin.PreviewAsync(turn, cancellationToken, pressed: true);
                return;
            case ReminderAdminCards.MemberLedgerVerb:
            case ReminderAdminCards.MemberLedgerExportVerb:
                await attendance.MemberLedgerAsync(turn, verb == ReminderAdminCards.MemberLedgerExportVerb, asNewCard: false, cancellationToken);
                return;
            case LeaveApprovalCard.DecideVerb:
                await approvals.DecideAsync(turn, cancellationToken);
                return;
            case ReminderCard.RsvpVerb:
                await members.RsvpAsync(turn, cancellationToken);
                return;
            case ReminderCard.MuteVerb:
                await members.MuteAsync(turn, cancellationToken);
                return;
            case ReminderAdminCards.MyVerb:
                await turn.ReplaceCardAsync(await members.MyRemindersAsync(turn, null, cancellationToken), cancellationToken);
                return;
            default:
                await turn.SendAsync(OutgoingMessage.FromText(language.Pick("这个按钮已失效，请重新发送“我的提醒”。", "This button is no longer active. Send \"my reminders\" again.")), cancellationToken);
                return;
        }
    }

    /// <summary>Stores the event and (re)schedules its wake-up (see <see cref="ReminderAdminActions.SaveAndScheduleAsync"/>).</summary>
    public Task SaveAndScheduleAsync(ReminderEvent ev, CancellationToken cancellationToken) => admin.SaveAndScheduleAsync(ev, cancellationToken);

    [LoggerMessage(EventId = 6501, Level = LogLevel.Warning, Message = "Non-admin pressed admin reminder action {Verb}")]
    private static partial void LogNotAdmin(ILogger logger, string verb);
}

using Microsoft.Extensions.Logging;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using static OrganBot.Dialogs.Feedback.FeedbackTurns;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// 暖心工程 commands (<see cref="FeedbackCommands"/>) and the feedback.* buttons: checks that admin actions come from an admin and hands each one to
/// <see cref="MemberFeedbackFlow"/> (form → confirm → receipt), <see cref="FeedbackRating"/> (我的反馈, ratings),
/// <see cref="FeedbackTriage"/> (受理 / 转办 / 回复 / 办结) or <see cref="FeedbackAdminActions"/> (列表, 导出, 频道).
/// </summary>
public sealed class FeedbackFeature(
    MemberFeedbackFlow member,
    FeedbackRating rating,
    FeedbackTriage triage,
    FeedbackAdminActions admin,
    ILogger<FeedbackFeature> logger) : IFeature
{
    public async Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken)
    {
        if (command == FeedbackCommands.Start)
        {
            await member.StartAsync(turn, cancellationToken);
        }
        else if (command == FeedbackCommands.Mine)
        {
            await rating.MyFeedbackAsync(turn, cancellationToken);
        }
        else if (!turn.IsAdmin)
        {
            await SayAsync(turn, "抱歉，该功能仅对管理员开放。", "Sorry, this is for administrators only.", cancellationToken);
        }
        else if (command == FeedbackCommands.List)
        {
            await admin.ListAsync(turn, cancellationToken);
        }
        else if (command == FeedbackCommands.Export)
        {
            await admin.ExportAsync(turn, cancellationToken);
        }
        else
        {
            await admin.SetChannelAsync(turn, cancellationToken);
        }
    }

    public Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken) => turn.Input.Verb switch
    {
        FeedbackVerbs.FormSubmit => member.SubmitFormAsync(turn, cancellationToken),
        FeedbackVerbs.FormCancel => member.CancelFormAsync(turn, cancellationToken),
        FeedbackVerbs.ConfirmEdit => member.EditAsync(turn, cancellationToken),
        FeedbackVerbs.ConfirmSubmit => member.ConfirmAsync(turn, cancellationToken),
        FeedbackVerbs.RateOpen => rating.OpenAsync(turn, cancellationToken),
        FeedbackVerbs.Rate => rating.RateAsync(turn, cancellationToken),
        FeedbackVerbs.Accept => TriageAsync(turn, TicketAction.Accept, cancellationToken),
        FeedbackVerbs.Route => TriageAsync(turn, TicketAction.Route, cancellationToken),
        FeedbackVerbs.Reply => TriageAsync(turn, TicketAction.Reply, cancellationToken),
        FeedbackVerbs.Resolve => TriageAsync(turn, TicketAction.Resolve, cancellationToken),
        FeedbackVerbs.List => turn.IsAdmin ? admin.FilterListAsync(turn, cancellationToken) : RefuseNotAdminAsync(turn, cancellationToken),
        FeedbackVerbs.Open => turn.IsAdmin ? admin.OpenTicketAsync(turn, cancellationToken) : RefuseNotAdminAsync(turn, cancellationToken),
        _ => RefuseAsync(logger, turn, "unknown verb", "这个按钮已失效，请重新发送“反馈”。", "This button is no longer active. Send \"feedback\" to start again.", cancellationToken),
    };

    public Task<bool> TryContinueAsync(ITurnContext turn, CancellationToken cancellationToken) => member.TryContinueAsync(turn, cancellationToken);

    public Task<bool> CancelAsync(ITurnContext turn, CancellationToken cancellationToken) => member.CancelAsync(turn, cancellationToken);

    private Task TriageAsync(ITurnContext turn, TicketAction action, CancellationToken cancellationToken) => turn.IsAdmin
        ? triage.ActAsync(turn, action, cancellationToken)
        : RefuseAsync(logger, turn, "not an admin", "抱歉，只有管理员可以处理反馈，本次操作未执行。", "Sorry, only administrators can handle feedback; nothing was changed.", cancellationToken);

    private Task RefuseNotAdminAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        RefuseAsync(logger, turn, "not an admin", "抱歉，该功能仅对管理员开放。", "Sorry, this is for administrators only.", cancellationToken);
}

using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Downloads;
using static OrganBot.Dialogs.Feedback.FeedbackTurns;

namespace OrganBot.Dialogs.Feedback;

/// <summary>反馈列表 (with filters and opening a ticket card), 导出反馈 and 设为反馈处理频道. The caller checked the admin.</summary>
public sealed class FeedbackAdminActions(IFeedbackStore store, IDownloadLinks downloads, ILogger<FeedbackAdminActions> logger)
{
    public async Task ListAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var tickets = await store.ListAsync(new TicketFilter(), cancellationToken);
        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackListCard.Build(turn.Input.Language, tickets.Views(turn.Input.Language), FeedbackViews.Choices(turn.Input.Language), FeedbackListCard.OpenFilter, FeedbackListCard.AllFilter)), cancellationToken);
    }

    public async Task FilterListAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var statusCode = turn.Input.Data(FeedbackVerbs.StatusFilterInput) ?? FeedbackListCard.OpenFilter;
        var categoryCode = turn.Input.Data(FeedbackVerbs.CategoryFilterInput) ?? FeedbackListCard.AllFilter;
        var status = FeedbackLabels.ParseCode<FeedbackStatus>(statusCode);
        var category = FeedbackLabels.ParseCode<FeedbackCategory>(categoryCode);
        var filter = new TicketFilter(status, category, OpenOnly: status is null);
        var tickets = await store.ListAsync(filter, cancellationToken);
        await turn.ReplaceCardAsync(FeedbackListCard.Build(turn.Input.Language, tickets.Views(turn.Input.Language), FeedbackViews.Choices(turn.Input.Language),
            status?.Code() ?? FeedbackListCard.OpenFilter, category?.Code() ?? FeedbackListCard.AllFilter), cancellationToken);
    }

    public async Task OpenTicketAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var number = turn.Input.Data(FeedbackVerbs.TicketChoiceInput);
        var ticket = number is null ? null : await store.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            await RefuseAsync(logger, turn, "unknown ticket", "未找到这条反馈。", "That ticket does not exist.", cancellationToken);
            return;
        }

        var activityId = await turn.SendAsync(OutgoingMessage.FromCard(FeedbackAdminCard.Build(turn.Input.Language, ticket.View(turn.Input.Language), FeedbackViews.Choices(turn.Input.Language))), cancellationToken);
        if (activityId is not null)
        {
            await store.AddAdminCardAsync(ticket.Id, new AdminCardLocation(turn.Input.Conversation.Id, activityId, turn.Input.Language.CardLang()), cancellationToken);
        }
    }

    public async Task ExportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var link = await downloads.CreateAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything, turn.Input.User.AadObjectId!, cancellationToken);
        var count = (await store.ListAsync(new TicketFilter(OpenOnly: false, Take: int.MaxValue), cancellationToken)).Count;
        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackNoticeCard.Export(turn.Input.Language, link.Url.AbsoluteUri, link.Minutes, count)), cancellationToken);
    }

    public async Task SetChannelAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Input.Conversation.Kind != ConversationKind.Channel)
        {
            await SayAsync(turn, "请在要接收反馈的团队频道中 @我 并发送“设为反馈处理频道”。", "Please @mention me with this command in the team channel that should receive feedback.", cancellationToken);
            return;
        }

        await store.SetAdminChannelAsync(turn.Input.Conversation.Id, turn.Input.User.Name ?? "", cancellationToken);
        FeedbackLog.ChannelSet(logger, turn.Input.User.AadObjectId);
        await SayAsync(turn, "已将本频道设为暖心工程反馈处理频道，新的反馈将推送到这里。", "This channel now receives new feedback tickets.", cancellationToken);
    }
}

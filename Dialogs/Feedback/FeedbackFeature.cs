using System.Globalization;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Downloads;
using OrganBot.Dialogs.Engine;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// 暖心工程: the member's form → confirm → receipt dialog, 我的反馈 and ratings, and the admins' triage
/// (受理 / 转办 / 回复 / 办结), 反馈列表, 导出反馈 and 设为反馈处理频道.
/// Identity always comes from the authenticated turn; card data only names a card instance or ticket, and is checked.
/// </summary>
public sealed class FeedbackFeature(
    DialogEngine engine,
    IFeedbackStore store,
    FeedbackNotifier notifier,
    FeedbackTriage triage,
    IDownloadLinks downloads,
    ILogger<FeedbackFeature> logger) : IFeature
{
    public const string DialogName = "feedback";
    private const string FormStep = "form";
    private const string ConfirmStep = "confirm";

    private static readonly string[] s_startCommands = ["暖心", "反馈", "我要反馈", "feedback"];
    private static readonly string[] s_myCommands = ["我的反馈", "my feedback"];
    private const string ListCommand = "反馈列表";
    private const string ExportCommand = "导出反馈";
    private const string ChannelCommand = "设为反馈处理频道";
    private static readonly HashSet<string> s_continueWords = new(StringComparer.OrdinalIgnoreCase) { "继续", "继续反馈", "continue" };

    // Static: features are scoped (built every turn), their command words never change.
    private static readonly string[] s_commands = [.. s_startCommands, .. s_myCommands, ListCommand, ExportCommand, ChannelCommand];

    public IReadOnlyCollection<string> Commands => s_commands;

    public string VerbPrefix => FeedbackVerbs.Prefix;

    public async Task HandleCommandAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        if (s_startCommands.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            await StartAsync(turn, cancellationToken);
        }
        else if (s_myCommands.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            var tickets = await store.ListForMemberAsync(turn.Input.User.Id, 10, cancellationToken);
            await turn.SendAsync(OutgoingMessage.FromCard(MyFeedbackCard.Build(turn.Input.Language, tickets)), cancellationToken);
        }
        else if (!turn.IsAdmin)
        {
            await SayAsync(turn, "抱歉，该功能仅对管理员开放。", "Sorry, this is for administrators only.", cancellationToken);
        }
        else if (command == ListCommand)
        {
            var tickets = await store.ListAsync(new TicketFilter(), cancellationToken);
            await turn.SendAsync(OutgoingMessage.FromCard(FeedbackListCard.Build(turn.Input.Language, tickets, FeedbackListCard.OpenFilter, FeedbackListCard.AllFilter)), cancellationToken);
        }
        else if (command == ExportCommand)
        {
            await ExportAsync(turn, cancellationToken);
        }
        else
        {
            await SetChannelAsync(turn, cancellationToken);
        }
    }

    public Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken) => turn.Input.Verb switch
    {
        FeedbackVerbs.FormSubmit => SubmitFormAsync(turn, cancellationToken),
        FeedbackVerbs.FormCancel => CancelFormAsync(turn, cancellationToken),
        FeedbackVerbs.ConfirmEdit => EditAsync(turn, cancellationToken),
        FeedbackVerbs.ConfirmSubmit => ConfirmAsync(turn, cancellationToken),
        FeedbackVerbs.RateOpen => OpenRatingAsync(turn, cancellationToken),
        FeedbackVerbs.Rate => RateAsync(turn, cancellationToken),
        FeedbackVerbs.Accept or FeedbackVerbs.Route or FeedbackVerbs.Reply or FeedbackVerbs.Resolve => AdminActionAsync(turn, cancellationToken),
        FeedbackVerbs.List => FilterListAsync(turn, cancellationToken),
        FeedbackVerbs.Open => OpenTicketAsync(turn, cancellationToken),
        _ => RefuseAsync(turn, "unknown verb", "这个按钮已失效，请重新发送“反馈”。", "This button is no longer active. Send \"feedback\" to start again.", cancellationToken),
    };

    /// <summary>Only "继续"/"continue" belongs to the dialog; anything else (a question) goes on to the Q&amp;A and the form stays valid.</summary>
    public async Task<bool> TryContinueAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!s_continueWords.Contains(turn.Input.Text.Trim())) return false;
        var state = await engine.GetActiveAsync(Key(turn), cancellationToken);
        if (state is null) return false;
        await ResendAsync(turn, state, cancellationToken);
        return true;
    }

    public Task<bool> CancelAsync(ITurnContext turn, CancellationToken cancellationToken) => engine.CancelAsync(Key(turn), cancellationToken);

    // ---- member dialog ----

    private async Task StartAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Input.Conversation.Kind != ConversationKind.Personal)
        {
            await SayAsync(turn, "为保护您的隐私，请在与我的私聊中发送“反馈”。", "To protect your privacy, please send \"feedback\" to me in a 1:1 chat.", cancellationToken);
            return;
        }

        var state = await engine.GetActiveAsync(Key(turn), cancellationToken);
        if (state is not null)
        {
            await SayAsync(turn, "您有一份尚未提交的反馈，已为您恢复，请继续填写。", "You have unfinished feedback; here it is again.", cancellationToken);
            await ResendAsync(turn, state, cancellationToken);
            return;
        }

        state = await engine.StartAsync(Key(turn), FormStep, null, cancellationToken);
        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackFormCard.Build(turn.Input.Language, state.CardInstanceId, FeedbackDraft.Empty)), cancellationToken);
    }

    /// <summary>Sends the current step's card again as a new message; the old card becomes stale.</summary>
    private async Task ResendAsync(ITurnContext turn, DialogState state, CancellationToken cancellationToken)
    {
        var next = await engine.AdvanceAsync(state, state.CardInstanceId, state.Step, state.Values, cancellationToken);
        if (next is null) return;
        await turn.SendAsync(OutgoingMessage.FromCard(Render(turn.Input.Language, next, null)), cancellationToken);
    }

    private async Task SubmitFormAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(turn, FormStep, cancellationToken);
        if (state is null) return;

        var draft = new FeedbackDraft(
            turn.Input.Data(FeedbackVerbs.CategoryInput),
            turn.Input.Data(FeedbackVerbs.ContentInput) ?? "",
            turn.Input.Data(FeedbackVerbs.AnonymousInput) is "true" or "True",
            turn.Input.Data(FeedbackVerbs.ContactInput),
            turn.Input.Data(FeedbackVerbs.ContactDetailInput));
        var errors = Validate(draft, turn.Input.Language);
        var next = await engine.AdvanceAsync(state, turn.Input.Data(FeedbackVerbs.CardIdKey), errors.Count > 0 ? FormStep : ConfirmStep, ToValues(draft), cancellationToken);
        if (next is null)
        {
            await StaleAsync(turn, cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(Render(turn.Input.Language, next, errors), cancellationToken);
    }

    private async Task EditAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(turn, ConfirmStep, cancellationToken);
        if (state is null) return;
        var next = await engine.AdvanceAsync(state, turn.Input.Data(FeedbackVerbs.CardIdKey), FormStep, state.Values, cancellationToken);
        if (next is null)
        {
            await StaleAsync(turn, cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(Render(turn.Input.Language, next, null), cancellationToken);
    }

    private async Task CancelFormAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(turn, null, cancellationToken);
        if (state is null) return;
        if (!await engine.CompleteAsync(state, turn.Input.Data(FeedbackVerbs.CardIdKey), cancellationToken))
        {
            await StaleAsync(turn, cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(FeedbackReceiptCard.Closed(turn.Input.Language, turn.Input.Language.Pick(
            "已取消本次反馈，内容未提交。需要时发送“反馈”重新开始。", "Cancelled; nothing was sent. Send \"feedback\" whenever you like.")), cancellationToken);
    }

    private async Task ConfirmAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(turn, ConfirmStep, cancellationToken);
        if (state is null) return;
        var cardId = turn.Input.Data(FeedbackVerbs.CardIdKey);
        var draft = FromValues(state.Values);
        if (cardId != state.CardInstanceId)
        {
            await StaleAsync(turn, cancellationToken);
            return;
        }

        if (Validate(draft, turn.Input.Language).Count > 0)
        {
            // Cannot happen through the cards (the confirm step is only reached with valid values); be safe anyway.
            var back = await engine.AdvanceAsync(state, cardId, FormStep, state.Values, cancellationToken);
            if (back is not null) await turn.ReplaceCardAsync(Render(turn.Input.Language, back, Validate(draft, turn.Input.Language)), cancellationToken);
            return;
        }

        var user = turn.Input.User;
        var feedback = new NewFeedback(
            FeedbackText.ParseCode<FeedbackCategory>(draft.Category)!.Value,
            draft.Content.Trim(),
            draft.Anonymous,
            draft.Anonymous ? ContactPreference.BotOnly : FeedbackText.ParseCode<ContactPreference>(draft.Contact) ?? ContactPreference.BotOnly,
            draft.Anonymous ? null : Blank(draft.ContactDetail),
            user.Id,
            draft.Anonymous ? null : user.Name,
            draft.Anonymous ? null : user.AadObjectId,
            turn.Input.Language == UiLanguage.English ? "en" : "zh");
        var ticket = await store.CreateTicketAsync(feedback, state, cancellationToken);
        if (ticket is null)
        {
            await StaleAsync(turn, cancellationToken);
            return;
        }

        FeedbackLog.TicketCreated(logger, ticket.Number);
        await turn.ReplaceCardAsync(FeedbackReceiptCard.Build(turn.Input.Language, ticket), cancellationToken);
        await notifier.NotifyNewTicketAsync(ticket, cancellationToken);
    }

    private async Task<DialogState?> CurrentAsync(ITurnContext turn, string? step, CancellationToken cancellationToken)
    {
        var state = await engine.GetActiveAsync(Key(turn), cancellationToken);
        if (state is null || (step is not null && state.Step != step) || turn.Input.Data(FeedbackVerbs.CardIdKey) != state.CardInstanceId)
        {
            await StaleAsync(turn, cancellationToken);
            return null;
        }

        return state;
    }

    private static System.Text.Json.Nodes.JsonObject Render(UiLanguage language, DialogState state, IReadOnlyDictionary<string, string>? errors)
    {
        var draft = FromValues(state.Values);
        if (state.Step == ConfirmStep)
        {
            return FeedbackConfirmCard.Build(language, state.CardInstanceId,
                FeedbackText.ParseCode<FeedbackCategory>(draft.Category) ?? FeedbackCategory.Other, draft.Content.Trim(), draft.Anonymous,
                FeedbackText.ParseCode<ContactPreference>(draft.Contact) ?? ContactPreference.BotOnly, Blank(draft.ContactDetail));
        }

        return FeedbackFormCard.Build(language, state.CardInstanceId, draft, errors);
    }

    internal static Dictionary<string, string> Validate(FeedbackDraft draft, UiLanguage language)
    {
        var errors = new Dictionary<string, string>();
        if (FeedbackText.ParseCode<FeedbackCategory>(draft.Category) is null)
        {
            errors[FeedbackVerbs.CategoryInput] = language.Pick("请选择类别。", "Please choose a category.");
        }

        var content = draft.Content.Trim();
        if (content.Length == 0)
        {
            errors[FeedbackVerbs.ContentInput] = language.Pick("内容不能为空，请填写后再提交。", "Please describe your request before submitting.");
        }
        else if (content.Length > FeedbackText.MaxContentLength)
        {
            errors[FeedbackVerbs.ContentInput] = language.Pick(
                $"内容共 {content.Length} 字，超过了 {FeedbackText.MaxContentLength} 字的上限，请精简后再提交。",
                $"The text has {content.Length} characters; the limit is {FeedbackText.MaxContentLength}. Please shorten it.");
        }

        var contact = draft.Contact is null ? ContactPreference.BotOnly : FeedbackText.ParseCode<ContactPreference>(draft.Contact);
        if (contact is null)
        {
            errors[FeedbackVerbs.ContactInput] = language.Pick("请从列表中选择联系方式。", "Please choose a contact option from the list.");
        }
        else if (!draft.Anonymous && contact == ContactPreference.Phone && string.IsNullOrWhiteSpace(draft.ContactDetail))
        {
            errors[FeedbackVerbs.ContactDetailInput] = language.Pick("选择电话联系时，请留下电话号码。", "Please leave a phone number if you want a call.");
        }

        if ((draft.ContactDetail?.Trim().Length ?? 0) > FeedbackText.MaxContactDetailLength)
        {
            errors[FeedbackVerbs.ContactDetailInput] = language.Pick(
                $"联系方式不能超过 {FeedbackText.MaxContactDetailLength} 字。", $"Contact details can have at most {FeedbackText.MaxContactDetailLength} characters.");
        }

        return errors;
    }

    private static Dictionary<string, string> ToValues(FeedbackDraft draft)
    {
        var values = new Dictionary<string, string>
        {
            ["content"] = draft.Content,
            ["anonymous"] = draft.Anonymous ? "true" : "false",
        };
        if (draft.Category is not null) values["category"] = draft.Category;
        if (draft.Contact is not null) values["contact"] = draft.Contact;
        if (draft.ContactDetail is not null) values["contactDetail"] = draft.ContactDetail;
        return values;
    }

    private static FeedbackDraft FromValues(IReadOnlyDictionary<string, string> values) => new(
        values.GetValueOrDefault("category"),
        values.GetValueOrDefault("content") ?? "",
        values.GetValueOrDefault("anonymous") == "true",
        values.GetValueOrDefault("contact"),
        values.GetValueOrDefault("contactDetail"));

    // ---- member: 我的反馈 and rating ----

    private async Task OpenRatingAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var ticket = await OwnTicketAsync(turn, cancellationToken);
        if (ticket is null) return;
        if (ticket.Rating is not null)
        {
            await SayAsync(turn, $"您已评价过反馈 {ticket.Number}，谢谢！", $"You have already rated {ticket.Number}. Thank you!", cancellationToken);
            return;
        }

        if (ticket.Status != FeedbackStatus.Resolved)
        {
            await SayAsync(turn, $"反馈 {ticket.Number} 尚未办结，办结后再请您评价。", $"{ticket.Number} is not resolved yet; you can rate it once it is.", cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackRatingCard.Build(turn.Input.Language, ticket)), cancellationToken);
    }

    private async Task RateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var ticket = await OwnTicketAsync(turn, cancellationToken);
        if (ticket is null) return;
        if (ticket.Rating is not null || ticket.Status != FeedbackStatus.Resolved)
        {
            await RefuseAsync(turn, "rating not open", $"反馈 {ticket.Number} 已评价过或尚未办结，本次评价未保存。", $"{ticket.Number} is already rated or not resolved; nothing was saved.", cancellationToken);
            return;
        }

        var comment = turn.Input.Data(FeedbackVerbs.RatingCommentInput)?.Trim();
        var rating = FeedbackText.ParseCode<SatisfactionRating>(turn.Input.Data(FeedbackVerbs.RatingInput));
        string? error = rating is null ? language.Pick("请选择满意程度后再提交。", "Please choose a rating first.")
            : comment?.Length > FeedbackText.MaxCommentLength ? language.Pick($"意见不能超过 {FeedbackText.MaxCommentLength} 字，请精简后再提交。", $"The comment can have at most {FeedbackText.MaxCommentLength} characters.")
            : null;
        if (error is not null)
        {
            await turn.ReplaceCardAsync(FeedbackRatingCard.Build(language, ticket, error, comment), cancellationToken);
            return;
        }

        var rated = await store.RateAsync(ticket.Number, turn.Input.User.Id, rating!.Value, Blank(comment), cancellationToken);
        if (rated is null)
        {
            await RefuseAsync(turn, "rating raced", $"反馈 {ticket.Number} 已评价过，本次评价未保存。", $"{ticket.Number} was already rated; nothing was saved.", cancellationToken);
            return;
        }

        FeedbackLog.Rated(logger, rated.Number);
        await turn.ReplaceCardAsync(FeedbackRatingCard.Thanks(language, rated), cancellationToken);
        await notifier.UpdateAdminCardsAsync(rated, null, null, cancellationToken);
    }

    /// <summary>The ticket named in the card data, only if this member submitted it.</summary>
    private async Task<FeedbackTicket?> OwnTicketAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var number = turn.Input.Data(FeedbackVerbs.TicketKey);
        var ticket = number is null ? null : await store.FindForMemberAsync(number, turn.Input.User.Id, cancellationToken);
        if (ticket is null)
        {
            await RefuseAsync(turn, "not the member's ticket", "未找到您提交的这条反馈，操作未执行。发送“我的反馈”查看您的反馈。", "I can't find that feedback among yours; nothing was changed. Send \"my feedback\" to see yours.", cancellationToken);
        }

        return ticket;
    }

    // ---- admin ----

    private async Task AdminActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (!turn.IsAdmin)
        {
            await RefuseAsync(turn, "not an admin", "抱歉，只有管理员可以处理反馈，本次操作未执行。", "Sorry, only administrators can handle feedback; nothing was changed.", cancellationToken);
            return;
        }

        var user = turn.Input.User;
        var version = int.TryParse(turn.Input.Data(FeedbackVerbs.VersionKey), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var result = await triage.ApplyAsync(new TriageRequest(
            turn.Input.Data(FeedbackVerbs.TicketKey) ?? "", turn.Input.Verb!, version, turn.Input.Data(FeedbackVerbs.UnitInput), turn.Input.Data(FeedbackVerbs.ReplyInput),
            user.Name ?? language.Pick("管理员", "Admin"), user.AadObjectId, language)
        {
            ActingConversationId = turn.Input.Conversation.Id,
            ActingActivityId = turn.Input.ReplyToId,
        }, cancellationToken);
        switch (result.Outcome)
        {
            case TriageOutcome.NotFound:
                await RefuseAsync(turn, "unknown ticket", "未找到这条反馈，操作未执行。", "That ticket does not exist; nothing was changed.", cancellationToken);
                break;
            case TriageOutcome.Stale:
                await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, result.Ticket!, language.Pick(
                    "这张卡片已过期，上方为最新状态，操作未执行，请重新操作。", "This card was out of date; it now shows the latest state. Nothing was changed; please try again.")), cancellationToken);
                break;
            case TriageOutcome.Invalid:
                await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, result.Ticket!, result.Error, result.ReplyDraft), cancellationToken);
                break;
            case TriageOutcome.Raced:
                await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, result.Ticket!, language.Pick(
                    "另一位管理员刚刚处理了这条反馈，上方为最新状态，本次操作未执行。", "Another admin just changed this ticket; this is the latest state. Nothing was changed.")), cancellationToken);
                break;
            default:
                await turn.ReplaceCardAsync(FeedbackAdminCard.Build(language, result.Ticket!), cancellationToken);
                break;
        }
    }

    private async Task FilterListAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.IsAdmin)
        {
            await RefuseAsync(turn, "not an admin", "抱歉，该功能仅对管理员开放。", "Sorry, this is for administrators only.", cancellationToken);
            return;
        }

        var statusCode = turn.Input.Data(FeedbackVerbs.StatusFilterInput) ?? FeedbackListCard.OpenFilter;
        var categoryCode = turn.Input.Data(FeedbackVerbs.CategoryFilterInput) ?? FeedbackListCard.AllFilter;
        var status = FeedbackText.ParseCode<FeedbackStatus>(statusCode);
        var category = FeedbackText.ParseCode<FeedbackCategory>(categoryCode);
        var filter = new TicketFilter(status, category, OpenOnly: status is null);
        var tickets = await store.ListAsync(filter, cancellationToken);
        await turn.ReplaceCardAsync(FeedbackListCard.Build(turn.Input.Language, tickets,
            status?.Code() ?? FeedbackListCard.OpenFilter, category?.Code() ?? FeedbackListCard.AllFilter), cancellationToken);
    }

    private async Task OpenTicketAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.IsAdmin)
        {
            await RefuseAsync(turn, "not an admin", "抱歉，该功能仅对管理员开放。", "Sorry, this is for administrators only.", cancellationToken);
            return;
        }

        var number = turn.Input.Data(FeedbackVerbs.TicketChoiceInput);
        var ticket = number is null ? null : await store.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            await RefuseAsync(turn, "unknown ticket", "未找到这条反馈。", "That ticket does not exist.", cancellationToken);
            return;
        }

        var activityId = await turn.SendAsync(OutgoingMessage.FromCard(FeedbackAdminCard.Build(turn.Input.Language, ticket)), cancellationToken);
        if (activityId is not null)
        {
            await store.AddAdminCardAsync(ticket.Id, new AdminCardLocation(turn.Input.Conversation.Id, activityId, turn.Input.Language.CardLang()), cancellationToken);
        }
    }

    private async Task ExportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var link = await downloads.CreateAsync(DownloadPurposes.Feedback, DownloadPurposes.Everything, turn.Input.User.AadObjectId!, cancellationToken);
        var count = (await store.ListAsync(new TicketFilter(OpenOnly: false, Take: int.MaxValue), cancellationToken)).Count;
        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackNoticeCard.Export(turn.Input.Language, link.Url.AbsoluteUri, link.Minutes, count)), cancellationToken);
    }

    private async Task SetChannelAsync(ITurnContext turn, CancellationToken cancellationToken)
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

    // ---- helpers ----

    private static DialogKey Key(ITurnContext turn) => new(turn.Input.User.Id, turn.Input.Conversation.Id, DialogName);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private Task StaleAsync(ITurnContext turn, CancellationToken cancellationToken) => RefuseAsync(turn, "stale or replayed dialog card",
        "这张卡片已失效（可能已经提交过、已取消或超时），本次操作未执行。发送“我的反馈”查看已提交的反馈，或发送“反馈”重新填写。",
        "This card is no longer active (already submitted, cancelled or timed out); nothing was done. Send \"my feedback\" to see your feedback, or \"feedback\" to start again.",
        cancellationToken);

    private Task RefuseAsync(ITurnContext turn, string reason, string chinese, string english, CancellationToken cancellationToken)
    {
        FeedbackLog.Refused(logger, turn.Input.Verb, reason);
        return SayAsync(turn, chinese, english, cancellationToken);
    }

    private static Task SayAsync(ITurnContext turn, string chinese, string english, CancellationToken cancellationToken) =>
        turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(chinese, english)), cancellationToken);
}

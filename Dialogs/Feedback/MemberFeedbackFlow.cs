using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Feedback;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Engine;
using static OrganBot.Dialogs.Feedback.FeedbackTurns;

namespace OrganBot.Dialogs.Feedback;

/// <summary>
/// The member's persisted form → confirm → receipt dialog (反馈 / 继续 / 取消). Identity comes from the authenticated
/// turn; the card data only names the card instance, which must be the dialog's current one.
/// </summary>
public sealed class MemberFeedbackFlow(DialogEngine engine, IFeedbackStore store, FeedbackNotifier notifier, ILogger<MemberFeedbackFlow> logger)
{
    public const string DialogName = "feedback";
    private const string FormStep = "form";
    private const string ConfirmStep = "confirm";

    public async Task StartAsync(ITurnContext turn, CancellationToken cancellationToken)
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
        await turn.SendAsync(OutgoingMessage.FromCard(FeedbackFormCard.Build(turn.Input.Language, state.CardInstanceId, FeedbackDraft.Empty, FeedbackViews.Choices(turn.Input.Language))), cancellationToken);
    }

    /// <summary>
    /// Only the declared continue words (继续 / continue) reach here, so anything else (a question) goes on to the Q&amp;A
    /// and the form stays valid.
    /// </summary>
    public async Task<bool> TryContinueAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await engine.GetActiveAsync(Key(turn), cancellationToken);
        if (state is null) return false;
        await ResendAsync(turn, state, cancellationToken);
        return true;
    }

    public Task<bool> CancelAsync(ITurnContext turn, CancellationToken cancellationToken) => engine.CancelAsync(Key(turn), cancellationToken);

    public async Task SubmitFormAsync(ITurnContext turn, CancellationToken cancellationToken)
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
        await AdvanceAsync(turn, state, errors.Count > 0 ? FormStep : ConfirmStep, ToValues(draft), errors, cancellationToken);
    }

    public async Task EditAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(turn, ConfirmStep, cancellationToken);
        if (state is null) return;
        await AdvanceAsync(turn, state, FormStep, state.Values, null, cancellationToken);
    }

    public async Task CancelFormAsync(ITurnContext turn, CancellationToken cancellationToken)
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

    public async Task ConfirmAsync(ITurnContext turn, CancellationToken cancellationToken)
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
            FeedbackLabels.ParseCode<FeedbackCategory>(draft.Category)!.Value,
            draft.Content.Trim(),
            draft.Anonymous,
            draft.Anonymous ? ContactPreference.BotOnly : FeedbackLabels.ParseCode<ContactPreference>(draft.Contact) ?? ContactPreference.BotOnly,
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
        await turn.ReplaceCardAsync(FeedbackReceiptCard.Build(turn.Input.Language, ticket.View(turn.Input.Language)), cancellationToken);
        await notifier.NotifyNewTicketAsync(ticket, cancellationToken);
    }

    internal static Dictionary<string, string> Validate(FeedbackDraft draft, UiLanguage language)
    {
        var errors = new Dictionary<string, string>();
        if (FeedbackLabels.ParseCode<FeedbackCategory>(draft.Category) is null)
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

        var contact = draft.Contact is null ? ContactPreference.BotOnly : FeedbackLabels.ParseCode<ContactPreference>(draft.Contact);
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

    /// <summary>Sends the current step's card again as a new message; the old card becomes stale.</summary>
    private async Task ResendAsync(ITurnContext turn, DialogState state, CancellationToken cancellationToken)
    {
        var next = await engine.AdvanceAsync(state, state.CardInstanceId, state.Step, state.Values, cancellationToken);
        if (next is null) return;
        await turn.SendAsync(OutgoingMessage.FromCard(Render(turn.Input.Language, next, null)), cancellationToken);
    }

    /// <summary>Moves the dialog to <paramref name="step"/> if the pressed card is still its current one, and shows that step's card.</summary>
    private async Task AdvanceAsync(ITurnContext turn, DialogState state, string step, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? errors, CancellationToken cancellationToken)
    {
        var next = await engine.AdvanceAsync(state, turn.Input.Data(FeedbackVerbs.CardIdKey), step, values, cancellationToken);
        if (next is null)
        {
            await StaleAsync(turn, cancellationToken);
            return;
        }

        await turn.ReplaceCardAsync(Render(turn.Input.Language, next, errors), cancellationToken);
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
                (FeedbackLabels.ParseCode<FeedbackCategory>(draft.Category) ?? FeedbackCategory.Other).Label(language), draft.Content.Trim(), draft.Anonymous,
                (FeedbackLabels.ParseCode<ContactPreference>(draft.Contact) ?? ContactPreference.BotOnly).Label(language), Blank(draft.ContactDetail));
        }

        return FeedbackFormCard.Build(language, state.CardInstanceId, draft, FeedbackViews.Choices(language), errors);
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

    private static DialogKey Key(ITurnContext turn) => new(turn.Input.User.Id, turn.Input.Conversation.Id, DialogName);

    private Task StaleAsync(ITurnContext turn, CancellationToken cancellationToken) => RefuseAsync(logger, turn, "stale or replayed dialog card",
        "这张卡片已失效（可能已经提交过、已取消或超时），本次操作未执行。发送“我的反馈”查看已提交的反馈，或发送“反馈”重新填写。",
        "This card is no longer active (already submitted, cancelled or timed out); nothing was done. Send \"my feedback\" to see your feedback, or \"feedback\" to start again.",
        cancellationToken);
}

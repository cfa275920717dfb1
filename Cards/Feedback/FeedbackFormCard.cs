using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>The 暖心工程 form: category, content, anonymity and contact wishes, with server-side errors shown inline.</summary>
public static class FeedbackFormCard
{
    public static JsonObject Build(UiLanguage language, string cardInstanceId, FeedbackDraft draft, FeedbackChoices choices, IReadOnlyDictionary<string, string>? errors = null)
    {
        errors ??= new Dictionary<string, string>();
        var body = new List<CardElement>
        {
            new TextBlock(language.Pick("暖心工程 · 我要反馈", "Warm-heart project · Give feedback")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(language.Pick(
                "您的诉求和建议将由机关党委、机关工会、机关妇联认真办理，事事有回音。",
                "The party committee, trade union and women's federation will handle your request, and you will hear back.")) { IsSubtle = true },
        };
        if (errors.Count > 0)
        {
            body.Add(new Container([new TextBlock(language.Pick("请修改以下内容后再提交：", "Please correct the following:")) { Weight = TextWeight.Bolder, Color = TextColor.Attention },
                .. errors.Values.Select(e => new TextBlock("- " + e) { Color = TextColor.Attention })]) { Style = ContainerStyle.Attention });
        }

        body.Add(new ChoiceSetInput(choices.Categories)
        {
            Id = FeedbackVerbs.CategoryInput,
            Label = language.Pick("类别", "Category"),
            Placeholder = language.Pick("请选择类别", "Choose a category"),
            Value = draft.Category,
            IsRequired = true,
            ErrorMessage = language.Pick("请选择类别。", "Please choose a category."),
        });
        AddError(body, errors, FeedbackVerbs.CategoryInput);
        body.Add(new TextInput
        {
            Id = FeedbackVerbs.ContentInput,
            Label = language.Pick("反映的内容", "What is it about?"),
            Placeholder = language.Pick($"请写下您的诉求或建议（不超过{FeedbackText.MaxContentLength}字）", $"Describe your need or suggestion (up to {FeedbackText.MaxContentLength} characters)"),
            IsMultiline = true,
            IsRequired = true,
            MaxLength = FeedbackText.MaxContentLength,
            Value = draft.Content,
            ErrorMessage = language.Pick("内容不能为空，请填写后再提交。", "Please describe your request."),
        });
        AddError(body, errors, FeedbackVerbs.ContentInput);
        body.Add(new ToggleInput(language.Pick("匿名提交（处理人员看不到您的姓名，回复仍会送达您）", "Submit anonymously (handlers will not see your name; replies still reach you)"))
        {
            Id = FeedbackVerbs.AnonymousInput,
            Value = draft.Anonymous,
        });
        AddError(body, errors, FeedbackVerbs.AnonymousInput);
        body.Add(new ChoiceSetInput(choices.Contacts)
        {
            Id = FeedbackVerbs.ContactInput,
            Label = language.Pick("是否需要联系您", "Should we contact you?"),
            Value = draft.Contact ?? choices.DefaultContact,
        });
        AddError(body, errors, FeedbackVerbs.ContactInput);
        body.Add(new TextInput
        {
            Id = FeedbackVerbs.ContactDetailInput,
            Label = language.Pick("联系方式（选择电话联系时请填写）", "Contact details (needed if you chose a call)"),
            MaxLength = FeedbackText.MaxContactDetailLength,
            Value = draft.ContactDetail,
        });
        AddError(body, errors, FeedbackVerbs.ContactDetailInput);

        var data = new Dictionary<string, string> { [FeedbackVerbs.CardIdKey] = cardInstanceId };
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = language.Pick("暖心工程反馈表", "Feedback form"),
            Body = body,
            Actions =
            [
                new ExecuteAction(FeedbackVerbs.FormSubmit) { Title = language.Pick("下一步", "Next"), Data = data, Style = ActionStyle.Positive },
                new ExecuteAction(FeedbackVerbs.FormCancel) { Title = language.Pick("取消", "Cancel"), Data = data, AssociatedInputs = "none" },
            ],
        }.ToJson();
    }

    private static void AddError(List<CardElement> body, IReadOnlyDictionary<string, string> errors, string key)
    {
        if (errors.TryGetValue(key, out var message))
        {
            body.Add(new TextBlock(message) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }
}

using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Feedback;

/// <summary>Shows exactly what will be sent before the ticket is created (category and contact wish as labels).</summary>
public static class FeedbackConfirmCard
{
    public static JsonObject Build(UiLanguage language, string cardInstanceId, string category, string content, bool anonymous, string contact, string? contactDetail)
    {
        var data = new Dictionary<string, string> { [FeedbackVerbs.CardIdKey] = cardInstanceId };
        var facts = new List<(string, string)>
        {
            (language.Pick("类别", "Category"), category),
            (language.Pick("提交方式", "Submitted as"), anonymous ? language.Pick("匿名", "Anonymous") : language.Pick("实名", "With my name")),
            (language.Pick("联系方式", "Contact"), anonymous ? language.Pick("匿名反馈，仅通过机器人回复", "Anonymous: replies through the bot only")
                : contact + (string.IsNullOrEmpty(contactDetail) ? "" : $"（{CardText.Plain(contactDetail)}）")),
        };
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = language.Pick("请确认您的反馈", "Please confirm your feedback"),
            Body =
            [
                new TextBlock(language.Pick("请确认您的反馈", "Please confirm your feedback")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new FactSet(facts),
                new TextBlock(language.Pick("反映的内容", "Content")) { Weight = TextWeight.Bolder },
                new TextBlock(CardText.Plain(content)),
                new TextBlock(language.Pick("确认无误后请点击“确认提交”。", "If everything is right, press Submit.")) { IsSubtle = true },
            ],
            Actions =
            [
                new ExecuteAction(FeedbackVerbs.ConfirmSubmit) { Title = language.Pick("确认提交", "Submit"), Data = data, Style = ActionStyle.Positive },
                new ExecuteAction(FeedbackVerbs.ConfirmEdit) { Title = language.Pick("返回修改", "Edit"), Data = data },
                new ExecuteAction(FeedbackVerbs.FormCancel) { Title = language.Pick("取消", "Cancel"), Data = data },
            ],
        }.ToJson();
    }
}

using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.Announcements;

/// <summary>Values to prefill the compose card with (an edit, or a form sent back with an error).</summary>
public sealed record ComposeValues(
    string? Title = null,
    string? Body = null,
    string? ImageUrl = null,
    IReadOnlyList<(string Title, string Url)>? Links = null,
    string? Audience = null,
    string? When = null,
    string? Date = null,
    string? Time = null,
    long? AnnouncementId = null,
    bool IsEditOfSent = false);

/// <summary>The admin's form for a new announcement (or an edit of one).</summary>
public static class ComposeCard
{
    public const int MaxLinks = 3;
    public const int MaxTitle = 100;
    public const int MaxBody = 4000;

    public const string PreviewVerb = "announce.preview";
    public const string CancelVerb = "announce.cancel";

    /// <param name="audiences">Audience choices (title, value): all, channels, team:{id}, group:{name}.</param>
    public static JsonObject Build(UiLanguage language, IReadOnlyList<(string Title, string Value)> audiences, ComposeValues? values = null, string? error = null)
    {
        values ??= new ComposeValues();
        var en = language == UiLanguage.English;
        var links = values.Links ?? [];
        var body = new List<CardElement>
        {
            new TextBlock(values.IsEditOfSent ? (en ? "Edit announcement" : "修改公告") : (en ? "New announcement" : "发布公告")) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (error is not null) body.Add(new TextBlock(error) { Color = TextColor.Attention });
        body.Add(new TextInput { Id = "title", Label = en ? "Title" : "标题", IsRequired = true, MaxLength = MaxTitle, Value = values.Title, ErrorMessage = en ? "Please enter a title." : "请填写标题。" });
        body.Add(new TextInput { Id = "body", Label = en ? "Body (Markdown)" : "正文（支持 Markdown）", IsRequired = true, IsMultiline = true, MaxLength = MaxBody, Value = values.Body, ErrorMessage = en ? "Please enter the body." : "请填写正文。" });
        body.Add(new TextInput { Id = "imageUrl", Label = en ? "Image URL (optional, https)" : "图片链接（可选，https）", Value = values.ImageUrl });
        for (var i = 0; i < MaxLinks; i++)
        {
            var link = i < links.Count ? links[i] : default;
            body.Add(new ColumnSet(
            [
                new Column([new TextInput { Id = $"link{i + 1}Title", Label = en ? $"Button {i + 1} text" : $"按钮{i + 1}文字", Value = link.Title }]) { Width = "1" },
                new Column([new TextInput { Id = $"link{i + 1}Url", Label = en ? $"Button {i + 1} link" : $"按钮{i + 1}链接", Value = link.Url }]) { Width = "2" },
            ]));
        }

        if (!values.IsEditOfSent)
        {
            body.Add(new ChoiceSetInput(audiences) { Id = "audience", Label = en ? "Send to" : "发送对象", IsRequired = true, Value = values.Audience ?? "all", ErrorMessage = en ? "Please choose who receives it." : "请选择发送对象。" });
            body.Add(new ChoiceSetInput([(en ? "Send now" : "立即发送", "now"), (en ? "Send at a time" : "定时发送", "later")]) { Id = "when", Label = en ? "When" : "发送时间", Expanded = true, Value = values.When ?? "now" });
            body.Add(new ColumnSet(
            [
                new Column([new DateInput { Id = "date", Label = en ? "Date" : "日期", Value = values.Date }]),
                new Column([new TimeInput { Id = "time", Label = en ? "Time (Beijing)" : "时间（北京时间）", Value = values.Time }]),
            ]));
        }

        var data = new Dictionary<string, string>();
        if (values.AnnouncementId is { } id) data["announcementId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Compose an announcement" : "撰写公告",
            Body = body,
            Actions =
            [
                new ExecuteAction(PreviewVerb) { Title = en ? "Preview" : "预览", Style = ActionStyle.Positive, Data = data, AssociatedInputs = "auto" },
                new ExecuteAction(CancelVerb) { Title = en ? "Cancel" : "取消", Data = data, AssociatedInputs = "none" },
            ],
        }.ToJson();
    }
}

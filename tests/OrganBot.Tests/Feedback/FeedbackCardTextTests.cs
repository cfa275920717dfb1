using System.Text.Json.Nodes;
using OrganBot.Cards;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

/// <summary>Member text in cards is shown as text: no live Markdown links or emphasis, no bidi controls.</summary>
public sealed class FeedbackCardTextTests
{
    private const string Rlo = "\u202E";

    [Fact]
    public async Task AdminTicketCard_MarkdownLinkBoldAndRightToLeftOverride_RenderAsInertText()
    {
        await using var host = await FeedbackHost.StartAsync();
        var content = $"{Rlo}[点此下载附件](https://evil) **紧急**";
        var confirm = await host.FillFormAsync(content, anonymous: true);
        await host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit"));

        var card = (await host.WaitForSendAsync(FeedbackHost.AdminConversation, c => c.Card.Readable().Contains("点此下载附件", StringComparison.Ordinal))).Card!;

        var texts = Strings(card).ToList();
        Assert.Contains(@"\[点此下载附件\]\(https://evil\) \*\*紧急\*\*", texts);
        Assert.DoesNotContain(texts, t => t.Contains(Rlo, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("[点此下载附件](", StringComparison.Ordinal) || t.Contains(" **紧急", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("普通的中文内容，2026-12-01 下午。", "普通的中文内容，2026-12-01 下午。")]
    [InlineData("- 一\n+ 二\n1. 三", "\\- 一\n\\+ 二\n1\\. 三")]
    [InlineData("_斜体_ `代码` ~删除~ # 标题 > 引用 <b> ![图](x) a|b", "\\_斜体\\_ \\`代码\\` \\~删除\\~ \\# 标题 \\> 引用 \\<b\\> \\!\\[图\\]\\(x\\) a\\|b")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm", "abcdefghijklm")]
    [InlineData("\\*", "\\\\\\*")]
    public void Plain_EscapesMarkdownAndDropsBidiControls(string input, string expected)
    {
        Assert.Equal(expected, CardText.Plain(input));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(kv => Strings(kv.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}

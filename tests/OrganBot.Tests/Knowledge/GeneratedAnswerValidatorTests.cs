using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

public sealed class GeneratedAnswerValidatorTests
{
    private static IReadOnlyList<KnowledgeCitation> Passages() => KnowledgeFixture.Knowledge.Ask("主题党日要怎么搞").Citations;

    [Fact]
    public void Validate_CitationsAndVerbatimQuotes_Accepted()
    {
        var answer = GeneratedAnswerValidator.Validate("要结合各支部“主题党日”活动[1]，运用红色资源[1][2]。", Passages());

        Assert.NotNull(answer);
        Assert.Equal([1, 2], answer.Citations);
    }

    [Theory]
    [InlineData("要结合主题党日活动。")]
    [InlineData("要结合主题党日活动[6]。")]
    [InlineData("要结合主题党日活动[0]。")]
    [InlineData("讲话要求“每月开展一次主题党日”[1]。")]
    [InlineData("")]
    public void Validate_MissingOrForeignCitationOrInventedQuote_Rejected(string text)
    {
        Assert.Null(GeneratedAnswerValidator.Validate(text, Passages()));
    }
}

using System.Text.RegularExpressions;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// The kind of fact a question asks for when it is not a requirement: an amount, a date or duration, a procedure to
/// follow, a person's name, a place. The speech states requirements, so such a question is only answered when the best
/// sentence actually holds that kind of fact (a number, a time, a procedure word, a name); otherwise 讲话未涉及.
/// </summary>
public static partial class ExpectedAnswer
{
    [GeneratedRegex(@"多少|比例|几成|金额|how much|how many (?!point|part|requirement|aspect|thing|task|way|area|source)|percentage|proportion|amount")]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"[0-9一二三四五六七八九十两百千万]+(?:个|点|条|项|大|次|年|天|人|元|名|位|%|成)")]
    private static partial Regex QuantityEvidence();

    [GeneratedRegex(@"什么时候|啥时候|何时|哪天|哪一天|几号|几月|几点钟|几点(?:开|上|下|到|结束|开始|出发|集合|关)|多久|多长时间|(?<![近这前头后])几(?:年|天)|截止|\bwhen\b|how long|how often|what time|what date|which day|deadline")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"[0-9一二三四五六七八九十两百每]+(?:年|个月|月|日|天|周|号|点钟|小时)|年底|月底|季度|定期|每年|每月|时期|阶段|当前|今年|近年来")]
    private static partial Regex TimeEvidence();

    [GeneratedRegex(@"流程|程序|手续|步骤|申请|报名|报销|办理|找谁|怎么写|咋写|怎么填|模板|表格|材料|带什么|转接|how (?:do|can|should) (?:i|we) (?:apply|join|claim|register|sign|book|request|submit|get|obtain)|where (?:can|do|should) i|apply for|sign up|password|\bclaim\b|reimburse")]
    private static partial Regex ProcedureQuestion();

    [GeneratedRegex(@"流程|程序|手续|步骤|办法|申请|报名|办理")]
    private static partial Regex ProcedureEvidence();

    [GeneratedRegex(@"在哪(?![里几些个方])|在哪里(?:开|办|交|领|报|举行|举办)|\bwhere (?:is|are|do|can|should|will)\b")]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"会议室|礼堂|大厅|楼|地点|场所|[省市县区]")]
    private static partial Regex PlaceEvidence();

    /// <summary>
    /// A question for a venue or an address (哪个会议室, 地址): an administrative level (省, 市委) does not answer it,
    /// while a bare 在哪 is often figurative (团结在哪, 在哪发力) and keeps the lenient evidence above.
    /// </summary>
    [GeneratedRegex(@"哪个(?:会议室|地方|房间|楼|窗口)|什么地方|啥地方|地点|地址")]
    private static partial Regex VenueQuestion();

    [GeneratedRegex(@"会议室|礼堂|大厅|楼|地点|场所")]
    private static partial Regex VenueEvidence();

    [GeneratedRegex(@"是谁|谁是|叫什么名字|\bwho (?:is|are|was)\b|whose name")]
    private static partial Regex PersonQuestion();

    [GeneratedRegex(@"习近平|总书记")]
    private static partial Regex PersonEvidence();

    /// <summary>True when the question asks for a kind of fact that <paramref name="sentence"/> does not hold.</summary>
    public static bool Unmet(string normalizedQuestion, string sentence) =>
        (QuantityQuestion().IsMatch(normalizedQuestion) && !QuantityEvidence().IsMatch(sentence))
        || (TimeQuestion().IsMatch(normalizedQuestion) && !TimeEvidence().IsMatch(sentence))
        || (ProcedureQuestion().IsMatch(normalizedQuestion) && !ProcedureEvidence().IsMatch(sentence))
        || (PersonQuestion().IsMatch(normalizedQuestion) && !PersonEvidence().IsMatch(sentence))
        || (PlaceQuestion().IsMatch(normalizedQuestion) && !PlaceEvidence().IsMatch(sentence))
        || (VenueQuestion().IsMatch(normalizedQuestion) && !VenueEvidence().IsMatch(sentence));
}

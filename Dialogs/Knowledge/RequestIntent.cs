using System.Text.RegularExpressions;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// A message that reads as a request or a complaint (建议…, 投诉…, 能不能给我们…, I'd like…) rather than a question about
/// the speech: the not-covered card then offers 我要反馈.
/// </summary>
public static partial class RequestIntent
{
    [GeneratedRegex(@"建议|投诉|反映一下|反映个|诉求|不满|抱怨|吐槽|太差|太慢|太冷|太热|坏了|能不能给|可不可以给|能否给|麻烦|帮忙|帮我|请给|希望(?:单位|机关|组织|领导|工会|食堂)|我们想要|我想要|为什么不|怎么还不|\bi (?:want|would like|wish|suggest)\b|\bi'd like\b|\bcomplain|\bplease (?:fix|add|provide)|\bsuggest", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool IsMatch(string message) => Pattern().IsMatch(message);
}

using System.Net;
using OrganBot.Cards;

namespace OrganBot.Bot.AdminConsole;

/// <summary>The console's server-side words: refusals and the small sign-in pages (the rest is in the browser bundle).</summary>
internal static class ConsoleText
{
    public static string Refusal(int status, UiLanguage language) => status switch
    {
        StatusCodes.Status401Unauthorized => language.Pick(
            "请先登录：在 Teams 中打开“管理后台”标签页，或向机器人发送“管理后台”获取登录链接。",
            "Please sign in: open the 管理后台 tab in Teams, or send 管理后台 to the bot for a sign-in link."),
        StatusCodes.Status403Forbidden => language.Pick("抱歉，管理后台仅对管理员开放。", "Sorry, the admin console is for administrators only."),
        StatusCodes.Status400BadRequest => language.Pick("请求缺少防伪令牌，请刷新页面后重试。", "The request lacks its antiforgery token; reload the page and try again."),
        _ => language.Pick("请求无法处理。", "The request could not be handled."),
    };

    public static string LinkRefusal(Downloads.LinkCheck check, UiLanguage language) => check switch
    {
        Downloads.LinkCheck.Used or Downloads.LinkCheck.Raced => language.Pick("该登录链接已使用过，每个链接只能使用一次。请向机器人发送“管理后台”获取新链接。", "This sign-in link has been used; each link works once. Send 管理后台 to the bot for a new one."),
        Downloads.LinkCheck.Expired => language.Pick("该登录链接已过期。请向机器人发送“管理后台”获取新链接。", "This sign-in link has expired. Send 管理后台 to the bot for a new one."),
        Downloads.LinkCheck.NotAdmin => Refusal(StatusCodes.Status403Forbidden, language),
        _ => language.Pick("该登录链接无效。请向机器人发送“管理后台”获取新链接。", "This sign-in link is not valid. Send 管理后台 to the bot for a new one."),
    };

    /// <summary>A minimal page in the console's look (its stylesheet), with a message and optionally a form.</summary>
    public static string Page(UiLanguage language, string title, string message, string? form = null)
    {
        var lang = language == UiLanguage.English ? "en" : "zh-CN";
        return $$"""
            <!doctype html>
            <html lang="{{lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer"><title>{{Html(title)}}</title><link rel="stylesheet" href="/console/assets/console.css"></head>
            <body><main class="signin"><h1>{{Html(title)}}</h1><p>{{Html(message)}}</p>{{form}}</main></body></html>
            """;
    }

    public static string SignInForm(string token, string csrfField, string csrfToken, UiLanguage language) =>
        $"""<form method="post" action="/console/signin"><input type="hidden" name="token" value="{Html(token)}"><input type="hidden" name="{Html(csrfField)}" value="{Html(csrfToken)}"><button type="submit" class="primary">{Html(language.Pick("登录管理后台", "Sign in to the console"))}</button></form>""";

    public static string Html(string text) => WebUtility.HtmlEncode(text);
}

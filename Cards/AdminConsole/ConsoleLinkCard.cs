using System.Text.Json.Nodes;
using OrganBot.Cards.Model;

namespace OrganBot.Cards.AdminConsole;

/// <summary>管理后台: the admin's one-time sign-in link to the console in a browser.</summary>
public static class ConsoleLinkCard
{
    public static JsonObject Build(string url, int minutes, UiLanguage language)
    {
        var en = language == UiLanguage.English;
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = en ? "Admin console" : "管理后台",
            Body =
            [
                new TextBlock(en ? "Admin console" : "管理后台") { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(en
                    ? "Attendance, feedback, announcements and Q&A at a glance, with charts. In Teams, open the 管理后台 tab of this app; in a browser, use this link."
                    : "出勤、暖心工程、公告和问答的统计图表一目了然。在 Teams 中可直接打开本应用的“管理后台”标签页；在浏览器中请使用下方链接。"),
                new TextBlock(en
                    ? $"The link signs you in once, within {minutes} minutes; please don't forward it."
                    : $"登录链接 {minutes} 分钟内有效，仅可使用一次，请勿转发。") { IsSubtle = true },
            ],
            Actions = [new OpenUrlAction(url) { Title = en ? "Open the console" : "打开管理后台" }],
        }.ToJson();
    }
}

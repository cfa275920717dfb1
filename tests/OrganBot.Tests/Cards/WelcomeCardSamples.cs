using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Tests.Cards;

public sealed class WelcomeCardSamples : ICardSamples
{
    private static readonly (string, string)[] s_member = [("讲话要点", "讲话要点"), ("我的提醒", "我的提醒"), ("我要反馈", "我要反馈")];

    public IEnumerable<CardSample> Samples() =>
    [
        new("welcome-zh-member", WelcomeCard.Build(UiLanguage.Chinese, s_member)),
        new("welcome-zh-admin", WelcomeCard.Build(UiLanguage.Chinese, [.. s_member, ("管理功能", "管理")])),
        new("welcome-en-member", WelcomeCard.Build(UiLanguage.English, [("Key points", "讲话要点"), ("My reminders", "我的提醒"), ("Give feedback", "我要反馈")])),
    ];
}

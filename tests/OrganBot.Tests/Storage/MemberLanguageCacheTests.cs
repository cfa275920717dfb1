using Microsoft.Extensions.Time.Testing;
using OrganBot.Bot.Storage;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Tests.Storage;

/// <summary>The per-instance language cache never answers with an older language than this instance wrote.</summary>
public sealed class MemberLanguageCacheTests
{
    private static readonly MemberLanguages s_chinese = new(null, UiLanguage.Chinese);
    private static readonly MemberLanguages s_english = new(null, UiLanguage.English);

    [Fact]
    public void Read_StartedBeforeAConcurrentWrite_DoesNotReplaceIt()
    {
        var cache = new MemberLanguageCache(new FakeTimeProvider());

        cache.Written("29:user-1", s_english);
        cache.Read("29:user-1", s_chinese);

        Assert.True(cache.TryGet("29:user-1", out var languages));
        Assert.Equal(UiLanguage.English, languages.Last);
    }

    [Fact]
    public void Entry_OlderThanTheTrustWindow_IsReadAgain()
    {
        var time = new FakeTimeProvider();
        var cache = new MemberLanguageCache(time);
        cache.Read("29:user-1", s_chinese);

        time.Advance(MemberLanguageCache.TrustFor);
        cache.Read("29:user-1", s_english);

        Assert.True(cache.TryGet("29:user-1", out var languages));
        Assert.Equal(UiLanguage.English, languages.Last);
        time.Advance(MemberLanguageCache.TrustFor);
        Assert.False(cache.TryGet("29:user-1", out _));
    }
}

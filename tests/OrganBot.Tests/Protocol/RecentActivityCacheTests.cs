using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;

namespace OrganBot.Tests.Protocol;

public sealed class RecentActivityCacheTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static Activity Make(string type, string locale) => new()
    {
        Type = type,
        Locale = locale,
        ServiceUrl = "http://127.0.0.1/_connector",
        Conversation = new ConversationAccount { Id = "a:chat-1" },
        From = new ChannelAccount { Id = "29:user-1", Name = "王晓明" },
    };

    [Fact]
    public void ShouldRecord_SameMessageAgain_Skipped()
    {
        var cache = new RecentActivityCache();

        Assert.True(cache.ShouldRecord(Make(ActivityTypes.Message, "zh-CN"), s_now));
        Assert.False(cache.ShouldRecord(Make(ActivityTypes.Message, "zh-CN"), s_now));
    }

    [Fact]
    public void ShouldRecord_InstallFromOtherLocaleBetweenMessages_NextMessageStoredAgain()
    {
        // Found through the Agents Playground: its UI installs with en-US; the stored locale then stayed en-US
        // although the member kept writing in zh-CN, so reminders arrived in English.
        var cache = new RecentActivityCache();
        cache.ShouldRecord(Make(ActivityTypes.Message, "zh-CN"), s_now);

        Assert.True(cache.ShouldRecord(Make(ActivityTypes.InstallationUpdate, "en-US"), s_now));
        Assert.True(cache.ShouldRecord(Make(ActivityTypes.Message, "zh-CN"), s_now));
    }
}

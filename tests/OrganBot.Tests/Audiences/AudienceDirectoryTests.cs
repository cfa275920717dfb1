using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Announcements;
using OrganBot.Bot.Reminders;
using OrganBot.Bot.Reminders.Quartz;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Audiences;

/// <summary>The one audience resolver: settings, stored audiences of both features, and the conversation kinds.</summary>
public sealed class AudienceDirectoryTests : IAsyncLifetime
{
    private const string TeamId = "19:team-general@thread.skype";
    private const string ChannelId = "19:channel-work@thread.skype";
    private const string GroupChatId = "19:meeting-chat@thread.v2";
    private const string Member2 = "29:member-2";
    private const string Member2Aad = "aaaaaaaa-0000-0000-0000-000000000002";

    private readonly WarningLogs _logs = new();
    private FakeConnector _connector = null!;
    private BotApplication _bot = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApplication(
            new Dictionary<string, string?>
            {
                ["Reminders:Groups:支部委员:0"] = "AAAAAAAA-0000-0000-0000-000000000001", // old key, capitals
                ["Announcements:Groups:机关工会:0"] = Member2Aad,                           // old key
                ["Audiences:Groups:妇委会:0"] = Member2Aad,
                ["Audiences:Groups:机关工会:0"] = Activities.UserAad,                        // the new key wins
            },
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _bot.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _logs.Dispose();
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _bot.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Member 1 in a personal chat, member 2 in a team channel and a group chat.</summary>
    private async Task SeedAsync()
    {
        await _bot.PostActivityAsync(Activities.Message(_connector.ServiceUrl, "帮助"), Ct);
        var channel = Activities.Message(_connector.ServiceUrl, "帮助", Member2, Member2Aad, ChannelId, name: "频道同事");
        channel["conversation"]!["conversationType"] = "channel";
        channel["channelData"]!["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "机关党支部" };
        channel["channelData"]!["channel"] = new JsonObject { ["id"] = ChannelId };
        await _bot.PostActivityAsync(channel, Ct);
        var chat = Activities.Message(_connector.ServiceUrl, "帮助", Member2, Member2Aad, GroupChatId, name: "频道同事");
        chat["conversation"]!["conversationType"] = "groupChat";
        chat["conversation"]!["isGroup"] = true;
        await _bot.PostActivityAsync(chat, Ct);
        await _connector.WaitForSendsAsync(3);
    }

    [Fact]
    public async Task OldGroupKeys_AreReadAsAudiencesGroups_WithAWarningNamingTheNewKey()
    {
        var groups = _bot.Services.GetRequiredService<IOptions<AudienceOptions>>().Value.Groups;
        await SeedAsync();
        var branch = await WithScopeAsync(sp => sp.GetRequiredService<IAudienceDirectory>().ResolveMembersAsync(new Audience(AudienceKind.Group, "支部委员"), Ct));

        Assert.Equal(["妇委会", "支部委员", "机关工会"], groups.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal([Activities.UserAad], groups["机关工会"]);
        Assert.Equal(Activities.UserId, Assert.Single(branch).Id); // Entra ids compare without case
        Assert.Contains(_logs.Warnings, w => w.Contains("Reminders:Groups", StringComparison.Ordinal) && w.Contains("Audiences:Groups", StringComparison.Ordinal));
        Assert.Contains(_logs.Warnings, w => w.Contains("Announcements:Groups", StringComparison.Ordinal) && w.Contains("Audiences:Groups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChannelAndGroupChat_ResolveToThatOneConversation_AndVouchForTheirPeople()
    {
        await SeedAsync();
        var channel = new Audience(AudienceKind.Channel, ChannelId);
        var chat = new Audience(AudienceKind.GroupChat, GroupChatId);

        var (channelTargets, chatTargets, channelPeople, chatPeople) = await WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IAudienceDirectory>();
            return (await directory.ResolveAsync(channel, Ct), await directory.ResolveAsync(chat, Ct),
                await directory.ResolveMembersAsync(channel, Ct), await directory.ResolveMembersAsync(chat, Ct));
        });
        var includes = await WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<IAudienceDirectory>();
            return (
                FromChat: await directory.IncludesAsync(chat, Activities.UserId, GroupChatId, Ct),
                FromThread: await directory.IncludesAsync(channel, Activities.UserId, ChannelId + ";messageid=1700000000000", Ct),
                ChatOutsider: await directory.IncludesAsync(chat, Activities.UserId, Activities.ConversationId, Ct),
                ChannelOutsider: await directory.IncludesAsync(channel, Activities.UserId, Activities.ConversationId, Ct),
                TeamMember: await directory.IncludesAsync(channel, Member2, "a:personal-2", Ct));
        });

        Assert.Equal([new Dialogs.Delivery.DeliveryTarget.Conversation(ChannelId)], channelTargets);
        Assert.Equal([new Dialogs.Delivery.DeliveryTarget.Conversation(GroupChatId)], chatTargets);
        Assert.Equal(Member2, Assert.Single(channelPeople).Id);
        Assert.Equal(Member2, Assert.Single(chatPeople).Id); // a group chat's people: who wrote or was added there (and its Teams roster)
        Assert.Equal((true, true, false, false, true), includes);
    }

    [Fact]
    public async Task StoredAudiences_OfRemindersAndAnnouncements_StayReadable()
    {
        await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BotDbContext>();
            foreach (var (id, kind, value) in new[] { ("ev-all", "AllMembers", ""), ("ev-team", "Team", TeamId), ("ev-channel", "Channel", ChannelId), ("ev-group", "Group", "支部委员") })
            {
                db.Add(new ReminderEventRecord { Id = id, Title = id, Kind = "主题党日", Recurrence = "每周三 15:00", TimeZoneId = "Asia/Shanghai", AudienceKind = kind, AudienceValue = value, LeadTimes = "1小时前" });
            }

            var announcement = new AnnouncementRecord { Title = "通知", Body = "正文", LinksJson = "[]", AuthorAadObjectId = Activities.AdminAad };
            db.Add(announcement);
            await db.SaveChangesAsync(Ct);
            // Rows as earlier releases wrote them: the kind as its name.
            await db.Database.ExecuteSqlAsync($"UPDATE \"Announcements\" SET \"AudienceKind\" = 'AllTeamChannels', \"AudienceKey\" = NULL WHERE \"Id\" = {announcement.Id}", Ct);
            return announcement.Id;
        });

        var (events, stored) = await WithScopeAsync(async sp =>
            ((await sp.GetRequiredService<IReminderStore>().ListEventsAsync(Ct)).ToDictionary(e => e.Id, e => e.Audience),
             (await sp.GetRequiredService<IAnnouncementStore>().ListRecentAsync(5, Ct)).Single().Audience));

        Assert.Equal(Audience.All, events["ev-all"]);
        Assert.Equal(new Audience(AudienceKind.Team, TeamId), events["ev-team"]);
        Assert.Equal(new Audience(AudienceKind.Channel, ChannelId), events["ev-channel"]);
        Assert.Equal(new Audience(AudienceKind.Group, "支部委员"), events["ev-group"]);
        Assert.Equal(new Audience(AudienceKind.AllTeamChannels), stored);
    }

    [Theory]
    [InlineData("all", AudienceKind.AllMembers, null)]
    [InlineData("", AudienceKind.AllMembers, null)]
    [InlineData("channels", AudienceKind.AllTeamChannels, null)]
    [InlineData("group:支部委员", AudienceKind.Group, "支部委员")]
    [InlineData("team:19:abc@thread.skype", AudienceKind.Team, "19:abc@thread.skype")]
    [InlineData("channel:19:abc@thread.skype", AudienceKind.Channel, "19:abc@thread.skype")]
    [InlineData("chat:19:abc@thread.v2", AudienceKind.GroupChat, "19:abc@thread.v2")]
    public void ChoiceValue_RoundTrips(string value, AudienceKind kind, string? key)
    {
        var audience = Audience.FromChoiceValue(value);

        Assert.Equal(new Audience(kind, key), audience);
        Assert.Equal(audience, Audience.FromChoiceValue(audience!.ChoiceValue));
        Assert.Null(Audience.FromChoiceValue("team:"));
        Assert.Null(Audience.FromChoiceValue("planet:mars"));
    }
}

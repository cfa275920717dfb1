namespace OrganBot.Tests.Playground;

/// <summary>Teams-shaped ids written into the Playground's YAML config (its defaults are not Teams-shaped).</summary>
public static class PlaygroundIdentity
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string BotId = "28:organbot-playground";
    public const string BotName = "机关党建助手";
    public const string UserId = "29:playground-user-0";
    public const string UserName = "王晓明";
    public const string UserAad = "aaaaaaaa-0000-0000-0000-0000000000a0";
    public const string PersonalChatId = "a:playground-personal-1";
    public const string GroupChatId = "19:playground-group-1@thread.v2";
    public const string TeamId = "19:playground-general-1@thread.tacv2";
    public const string ChannelId = "19:playground-notices-1@thread.tacv2";

    /// <summary>The five other members the Playground requires (exactly five): ids 29:playground-user-1..5.</summary>
    public static IReadOnlyList<(string Id, string Name, string Aad)> OtherUsers { get; } =
    [
        ("29:playground-user-1", "李红", "aaaaaaaa-0000-0000-0000-0000000000a1"),
        ("29:playground-user-2", "张伟", "aaaaaaaa-0000-0000-0000-0000000000a2"),
        ("29:playground-user-3", "刘芳", "aaaaaaaa-0000-0000-0000-0000000000a3"),
        ("29:playground-user-4", "陈静", "aaaaaaaa-0000-0000-0000-0000000000a4"),
        ("29:playground-user-5", "赵磊", "aaaaaaaa-0000-0000-0000-0000000000a5"),
    ];

    /// <summary>The config file (schema 0.1.1). Strings are quoted so ids with ':' and '@' stay strings.</summary>
    public static string Yaml()
    {
        static string User(string id, string name, string aad, int n) =>
            $"{{ id: \"{id}\", name: \"{name}\", userPrincipleName: \"user{n}@organ.example\", aadObjectId: \"{aad}\", " +
            $"givenName: \"{name[1..]}\", surname: \"{name[..1]}\", email: \"user{n}@organ.example\" }}";

        var users = string.Join('\n', OtherUsers.Select((u, i) => "  - " + User(u.Id, u.Name, u.Aad, i + 1)));
        return $$"""
            version: "0.1.1"
            tenantId: "{{TenantId}}"
            bot: { id: "{{BotId}}", name: "{{BotName}}" }
            currentUser: {{User(UserId, UserName, UserAad, 0)}}
            users:
            {{users}}
            personalChat: { id: "{{PersonalChatId}}" }
            groupChat: { id: "{{GroupChatId}}", name: "党支部群聊" }
            team:
              id: "{{TeamId}}"
              name: "机关党委"
              aadGroupId: "cccccccc-0000-0000-0000-000000000003"
              channels: [ { id: "{{ChannelId}}", name: "通知公告" } ]
            """;
    }
}

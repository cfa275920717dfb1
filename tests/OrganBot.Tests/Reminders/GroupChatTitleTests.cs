using System.Text.Json.Nodes;
using OrganBot.Cards.Reminders;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Reminders;

/// <summary>
/// Issue 13, over real HTTP: a group chat is shown to the admin by its Teams name, or by the people the bot knows there,
/// in both languages (the picker of a new reminder and the 提醒管理 list), never by its id.
/// </summary>
public sealed class GroupChatTitleTests : ReminderTestBase
{
    private const string UnnamedChat = "19:0b6f4a1c2d3e4f5a6b7c8d9e0f1a2b3c@thread.v2";
    private const string NamedChat = "19:named-branch-chat@thread.v2";
    private const string BigChat = "19:big-chat@thread.v2";

    private async Task WriteInChatAsync(BotApplication bot, string chatId, string userId, string name, string? chatName = null)
    {
        var message = Activities.Message(Connector.ServiceUrl, "帮助", userId, $"aaaaaaaa-0000-0000-0000-0000000001{userId[^2..]}", chatId, name: name);
        message["conversation"]!["conversationType"] = "groupChat";
        if (chatName is not null) message["conversation"]!["name"] = chatName;
        await bot.PostActivityAsync(message, Ct);
    }

    /// <summary>The titles of the form's 提醒对象 choices.</summary>
    private static List<string> AudienceTitles(JsonObject card) =>
        [.. Find(card, "audience")!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>())];

    private static JsonObject? Find(JsonNode? node, string inputId) => node switch
    {
        JsonObject o when o["id"]?.GetValue<string>() == inputId => o,
        JsonObject o => o.Select(p => Find(p.Value, inputId)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(n => Find(n, inputId)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private async Task<JsonObject> AdminPressAsync(BotApplication bot, string verb, JsonObject data, string locale)
    {
        var response = await bot.PostActivityAsync(Activities.Execute(Connector.ServiceUrl, verb, data, userId: "29:admin", aad: Activities.AdminAad, conversationId: "a:personal-admin", locale: locale), Ct);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["value"]!;
    }

    [Fact]
    public async Task GroupChats_AreTitledByTheirNameOrTheirPeople_InBothLanguages_NeverByTheirId()
    {
        var bot = StartBot();
        await WriteInChatAsync(bot, UnnamedChat, "29:member-01", "王芳");
        await WriteInChatAsync(bot, UnnamedChat, "29:member-02", "李强");
        await WriteInChatAsync(bot, NamedChat, "29:member-01", "王芳", chatName: "第一党支部");
        foreach (var (id, name) in new[] { ("29:member-03", "张伟"), ("29:member-04", "刘洋"), ("29:member-05", "陈静"), ("29:member-06", "杨磊") })
        {
            await WriteInChatAsync(bot, BigChat, id, name);
        }

        await Connector.WaitForSendsAsync(7);

        var chinese = AudienceTitles(await AdminPressAsync(bot, "remind.admin.new", [], "zh-CN"));
        var english = AudienceTitles(await AdminPressAsync(bot, "remind.admin.new", [], "en-US"));
        await AdminAsync(bot, "remind.admin.save", SaveData(audience: "chat:" + UnnamedChat));
        var list = await AdminPressAsync(bot, ReminderAdminCards.ListVerb, [], "zh-CN");

        Assert.Contains("群聊（王芳、李强）", chinese);
        Assert.Contains("群聊：第一党支部", chinese);
        Assert.Contains("群聊（张伟、刘洋、陈静等 4 人）", chinese);
        Assert.Contains("Group chat (王芳, 李强)", english);
        Assert.Contains("Group chat: 第一党支部", english);
        Assert.Contains("Group chat (张伟, 刘洋, 陈静 and 1 more)", english);
        Assert.DoesNotContain(chinese.Concat(english), t => t.Contains("19:", StringComparison.Ordinal));
        Assert.Contains("群聊（王芳、李强）", list.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("群聊：19:", list.Readable(), StringComparison.Ordinal);
    }
}

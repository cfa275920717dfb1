using System.Text.Json.Nodes;

namespace OrganBot.Tests.Fakes;

/// <summary>Builds Teams-shaped inbound activities for tests (ids like real Teams: 29:, 28:, a:).</summary>
public static class Activities
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string BotId = "28:organbot-test";
    public const string UserId = "29:member-1";
    public const string UserAad = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string AdminAad = "aaaaaaaa-0000-0000-0000-0000000000ad";
    public const string ConversationId = "a:personal-1";

    public static JsonObject Message(string serviceUrl, string text, string? userId = null, string? aad = null, string? conversationId = null, string locale = "zh-CN", string? name = null) =>
        Base("message", serviceUrl, userId, aad, conversationId, locale, name).With("text", text).With("textFormat", "plain");

    /// <summary>An Action.Execute press (invoke adaptiveCard/action).</summary>
    public static JsonObject Execute(string serviceUrl, string verb, JsonObject data, string? replyToId = "card-1", string? userId = null, string? aad = null, string? conversationId = null, string locale = "zh-CN")
    {
        var merged = (JsonObject)data.DeepClone();
        merged["verb"] = verb;
        var activity = Base("invoke", serviceUrl, userId, aad, conversationId, locale).With("name", "adaptiveCard/action");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = merged },
            ["trigger"] = "manual",
        };
        if (replyToId is not null) activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>The Action.Submit fallback of a button: a message whose value is the data plus the inputs.</summary>
    public static JsonObject Submit(string serviceUrl, string verb, JsonObject data, string? replyToId = "card-1", string? userId = null, string? aad = null, string? conversationId = null, string locale = "zh-CN")
    {
        var merged = (JsonObject)data.DeepClone();
        merged["verb"] = verb;
        var activity = Base("message", serviceUrl, userId, aad, conversationId, locale);
        activity["value"] = merged;
        activity["channelData"]!["source"] = new JsonObject { ["name"] = "message" };
        if (replyToId is not null) activity["replyToId"] = replyToId;
        return activity;
    }

    public static JsonObject BotAdded(string serviceUrl, string? conversationId = null, string locale = "zh-CN")
    {
        var activity = Base("conversationUpdate", serviceUrl, null, null, conversationId, locale);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAad });
        return activity;
    }

    public static JsonObject Base(string type, string serviceUrl, string? userId = null, string? aad = null, string? conversationId = null, string locale = "zh-CN", string? name = null) => new()
    {
        ["type"] = type,
        ["id"] = "act-" + Guid.NewGuid().ToString("N")[..8],
        ["timestamp"] = "2026-11-27T09:59:07.475Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId ?? UserId, ["name"] = name ?? "测试用户", ["aadObjectId"] = aad ?? UserAad },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "OrganBot" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversationId ?? ConversationId },
        ["locale"] = locale,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static JsonObject With(this JsonObject activity, string key, JsonNode? value)
    {
        activity[key] = value;
        return activity;
    }
}

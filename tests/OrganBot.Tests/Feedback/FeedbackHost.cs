using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

/// <summary>A member, an admin and the bot over real HTTP, with helpers to walk the feedback cards.</summary>
internal sealed class FeedbackHost : IAsyncDisposable
{
    public const string AdminId = "29:admin-1";
    public const string AdminConversation = "a:personal-admin";
    public const string AdminName = "李管理";
    public const string MemberName = "张三";

    private readonly string _keyDirectory;

    private readonly Action<IServiceCollection>? _services;

    private FeedbackHost(FakeConnector connector, BotApplication bot, string keyDirectory, Action<IServiceCollection>? services)
    {
        _services = services;
        Connector = connector;
        Bot = bot;
        _keyDirectory = keyDirectory;
    }

    public FakeConnector Connector { get; }

    public BotApplication Bot { get; private set; }

    public CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<FeedbackHost> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, StorageKind? storage = null)
    {
        var connector = await FakeConnector.StartAsync();
        var keys = Path.Combine(Path.GetTempPath(), "organbot-tests", "keys-" + Guid.NewGuid().ToString("N")[..8]);
        var all = new Dictionary<string, string?>
        {
            ["Admins:AadObjectIds:0"] = Activities.AdminAad,
            ["Feedback:KeyDirectory"] = keys,
            ["Bot:PublicBaseUrl"] = "https://organbot.example.test",
        };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var bot = new BotApplication(all, services, storage);
        bot.Start();
        var host = new FeedbackHost(connector, bot, keys, services);
        // The admin has talked to the bot once, so their 1:1 chat is known.
        await host.AdminSaysAsync("帮助");
        await connector.WaitForSendsAsync(1);
        connector.Clear();
        return host;
    }

    /// <summary>Stops the bot (keeping its database) and starts a new one on the same database and keys, with <paramref name="changes"/> to its settings.</summary>
    public async Task RestartAsync(Dictionary<string, string?>? changes = null)
    {
        Bot.KeepDatabase = true;
        var settings = Bot.Settings.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var (key, value) in changes ?? []) settings[key] = value;
        var name = Bot.DatabaseName;
        await Bot.DisposeAsync();
        Bot = new BotApplication(settings, _services, databaseName: name);
        Bot.Start();
    }

    public Task<HttpResponseMessage> MemberSaysAsync(string text, string? userId = null, string? aad = null, string? conversationId = null, string? name = null) =>
        Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, text, userId, aad, conversationId, name: name ?? MemberName), Ct);

    public Task<HttpResponseMessage> AdminSaysAsync(string text, string? conversationId = null) =>
        Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, text, AdminId, Activities.AdminAad, conversationId ?? AdminConversation, name: AdminName), Ct);

    /// <summary>Presses an Action.Execute button; returns the invoke response body.</summary>
    public async Task<JsonNode> ExecuteAsync(string verb, JsonObject data, string? userId = null, string? aad = null, string? conversationId = null, string replyToId = "card-1", string? name = null)
    {
        var activity = Activities.Execute(Connector.ServiceUrl, verb, data, replyToId, userId, aad, conversationId);
        activity["from"]!["name"] = name ?? MemberName;
        var response = await Bot.PostActivityAsync(activity, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
    }

    public Task<JsonNode> AdminExecuteAsync(string verb, JsonObject data, string replyToId = "admin-card") =>
        ExecuteAsync(verb, data, AdminId, Activities.AdminAad, AdminConversation, replyToId, AdminName);

    /// <summary>Waits for a send into <paramref name="conversationId"/> whose JSON satisfies <paramref name="match"/>.</summary>
    public async Task<ConnectorCall> WaitForSendAsync(string conversationId, Func<ConnectorCall, bool>? match = null)
    {
        var calls = await Connector.WaitForAsync(cs => cs.Any(c => c.IsSend && c.ConversationId == conversationId && (match?.Invoke(c) ?? true)));
        return calls.Last(c => c.IsSend && c.ConversationId == conversationId && (match?.Invoke(c) ?? true));
    }

    public Task<ConnectorCall> WaitForTextAsync(string conversationId, string contains) =>
        WaitForSendAsync(conversationId, c => c.Body.Readable().Contains(contains, StringComparison.Ordinal));

    /// <summary>Walks the member from 反馈 to the confirm card; returns the confirm card.</summary>
    public async Task<JsonObject> FillFormAsync(string content, bool anonymous = false, string category = "work", string? userId = null, string? aad = null, string? conversationId = null, string? name = null)
    {
        var conversation = conversationId ?? Activities.ConversationId;
        var before = Connector.Sends.Count(c => c.ConversationId == conversation);
        await MemberSaysAsync("反馈", userId, aad, conversation, name);
        await Connector.WaitForAsync(cs => cs.Count(c => c.IsSend && c.ConversationId == conversation) > before);
        var form = Connector.Sends.Last(c => c.ConversationId == conversation).Card!;
        var body = await ExecuteAsync("feedback.form.submit", Inputs(form, "feedback.form.submit", category, content, anonymous), userId, aad, conversation, name: name);
        return InvokeCard(body);
    }

    public static JsonObject Inputs(JsonObject card, string verb, string? category, string content, bool anonymous, string contact = "botonly", string? contactDetail = null)
    {
        var data = ActionData(card, verb);
        if (category is not null) data["category"] = category;
        data["content"] = content;
        data["anonymous"] = anonymous ? "true" : "false";
        data["contact"] = contact;
        if (contactDetail is not null) data["contactDetail"] = contactDetail;
        return data;
    }

    /// <summary>The card in an invoke response (fails if the response is a message).</summary>
    public static JsonObject InvokeCard(JsonNode body)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]?.GetValue<string>());
        return (JsonObject)body["value"]!;
    }

    /// <summary>A copy of the data of the Action.Execute with <paramref name="verb"/> anywhere in the card.</summary>
    public static JsonObject ActionData(JsonNode card, string verb) =>
        (JsonObject)(FindAction(card, verb) ?? throw new Xunit.Sdk.XunitException($"No action {verb} in card {card.Readable()}"))["data"]!.DeepClone();

    public static bool HasAction(JsonNode card, string verb) => FindAction(card, verb) is not null;

    private static JsonObject? FindAction(JsonNode? node, string verb)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Execute" && obj["verb"]?.GetValue<string>() == verb) return obj;
                foreach (var (_, child) in obj)
                {
                    if (FindAction(child, verb) is { } found) return found;
                }

                return null;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (FindAction(child, verb) is { } found) return found;
                }

                return null;
            default:
                return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        try { Directory.Delete(_keyDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// Drives the Microsoft 365 Agents Playground as a Teams user, over its REST API, and collects what the bot sends
/// from its WebSocket stream (connected before anything is sent, since the stream has no history).
/// Every user action (send, invoke, submit, custom activity) sets a mark; the WaitFor* helpers look only at bot
/// messages that arrived after the latest mark, so "send, then wait for the reply" reads naturally.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<PlaygroundMessage> _received = new();
    private readonly SemaphoreSlim _signal = new(0);
    private Task? _receiveLoop;
    private int _mark;

    public PlaygroundClient(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    /// <summary>Every event received so far, oldest first.</summary>
    public IReadOnlyList<PlaygroundMessage> Received => [.. _received];

    /// <summary>Bot messages (created or updated) since the latest user action.</summary>
    public IReadOnlyList<PlaygroundMessage> SinceLastAction => [.. _received.Skip(Volatile.Read(ref _mark)).Where(m => m.IsCreate || m.IsUpdate)];

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var ws = new UriBuilder(BaseAddress) { Scheme = BaseAddress.Scheme == "https" ? "wss" : "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
        await _socket.ConnectAsync(ws, cancellationToken);
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
    }

    /// <summary>Sends text as the configured current user; returns the Playground's message id.</summary>
    public async Task<string> SendTextAsync(string text, string conversationId = PlaygroundIdentity.PersonalChatId, CancellationToken cancellationToken = default)
    {
        var isPersonal = conversationId == PlaygroundIdentity.PersonalChatId;
        var mention = $"<at>{PlaygroundIdentity.BotName}</at>";
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = PlaygroundIdentity.UserId },
            ["text"] = isPersonal ? text : $"{mention} {text}",
            ["textFormat"] = "plain",
        };
        if (!isPersonal)
        {
            // Group chats and channels deliver to the bot only when it is @mentioned, as in Teams.
            body["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = PlaygroundIdentity.BotId }, ["text"] = mention });
        }

        var response = await PostAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, cancellationToken);
        return response?["messageId"]?.ToString() ?? "";
    }

    /// <summary>
    /// Presses an Action.Execute button of a card: sends the adaptiveCard/action invoke and returns the bot's invoke
    /// response body (e.g. <c>{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"..."}</c>).
    /// </summary>
    public async Task<JsonNode?> InvokeAsync(string cardMessageId, string verb, JsonObject? data = null, string conversationId = PlaygroundIdentity.PersonalChatId, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = PlaygroundIdentity.UserId },
            ["replyToId"] = cardMessageId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject() },
                ["trigger"] = "manual",
            },
        };
        return await PostAsync("/_conversation/v1/invoke", body, cancellationToken);
    }

    /// <summary>
    /// Presses a button found on a received card as the Playground's renderer does: its verb and data exactly as the
    /// card carries them, merged with the card's input values (their initial values, overridden by what
    /// <paramref name="inputs"/> "types"), unless the button says <c>associatedInputs: none</c>.
    /// </summary>
    public Task<JsonNode?> PressAsync(PlaygroundMessage card, string buttonTitle, JsonObject? inputs = null, CancellationToken cancellationToken = default)
    {
        var button = card.Button(buttonTitle);
        var data = button["data"]?.DeepClone() as JsonObject ?? new JsonObject();
        if (button["associatedInputs"]?.GetValue<string>() != "none")
        {
            foreach (var (key, value) in card.InitialInputValues()) data[key] = value?.DeepClone();
            foreach (var (key, value) in inputs ?? []) data[key] = value?.DeepClone();
        }

        return InvokeAsync(card.MessageId!, button["verb"]!.GetValue<string>(), data, card.ConversationId ?? PlaygroundIdentity.PersonalChatId, cancellationToken);
    }

    /// <summary>
    /// Presses a button whose invoke response is a new card (Universal Actions) and returns the message as the
    /// Playground then shows it, with the card swapped in place. Fails when the bot answered with anything else.
    /// </summary>
    public async Task<PlaygroundMessage> PressForCardAsync(PlaygroundMessage card, string buttonTitle, JsonObject? inputs = null, CancellationToken cancellationToken = default)
    {
        var response = await PressAsync(card, buttonTitle, inputs, cancellationToken);
        if (response?["type"]?.GetValue<string>() != PlaygroundMessage.AdaptiveCardType || response["value"] is not JsonObject swapped)
        {
            throw new InvalidOperationException($"Pressing \"{buttonTitle}\" did not return a card to show in place: {response?.ToJsonString()}");
        }

        return card.WithCard(swapped);
    }

    /// <summary>An Action.Submit press: a message whose value is the button data merged with the inputs.</summary>
    public async Task SubmitAsync(string cardMessageId, JsonObject value, string conversationId = PlaygroundIdentity.PersonalChatId, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = PlaygroundIdentity.UserId },
            ["replyToId"] = cardMessageId,
            ["value"] = value.DeepClone(),
        };
        await PostAsync("/_conversation/v1/submit", body, cancellationToken);
    }

    /// <summary>
    /// Sends any activity to the bot verbatim (another user, tenant or conversation type). Start from
    /// <see cref="ActivityTemplateAsync"/> to get the Playground's serviceUrl and ids.
    /// </summary>
    public async Task SendAsActivityAsync(JsonObject activity, CancellationToken cancellationToken = default) =>
        await PostAsync("/_internal/v1/customActivities", activity, cancellationToken);

    /// <inheritdoc cref="SendAsActivityAsync(JsonObject, CancellationToken)"/>
    public Task SendAsActivityAsync(string activityJson, CancellationToken cancellationToken = default) =>
        SendAsActivityAsync(JsonNode.Parse(activityJson)!.AsObject(), cancellationToken);

    /// <summary>
    /// Installs the app into a conversation, as the Playground's UI does when it opens one: the bot gets an
    /// installationUpdate and a conversationUpdate (for a team, with the team's name, as in Teams).
    /// </summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await PostAsync($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject(), cancellationToken);

    /// <summary>
    /// Sends a text message as if from a Teams client with another locale (the Playground's own messages always say
    /// en-US): a custom activity from the Playground's template, by default from the current user in the personal chat.
    /// </summary>
    public async Task SendTextWithLocaleAsync(string text, string locale, (string Id, string Name, string Aad)? user = null, string conversationId = PlaygroundIdentity.PersonalChatId, CancellationToken cancellationToken = default)
    {
        var activity = await ActivityTemplateAsync(conversationId, cancellationToken);
        var (id, name, aad) = user ?? (PlaygroundIdentity.UserId, PlaygroundIdentity.UserName, PlaygroundIdentity.UserAad);
        activity["type"] = "message";
        activity["text"] = text;
        activity["locale"] = locale;
        activity["from"] = new JsonObject { ["id"] = id, ["name"] = name, ["aadObjectId"] = aad };
        await SendAsActivityAsync(activity, cancellationToken);
    }

    /// <summary>The Playground's activity skeleton for a conversation (serviceUrl, conversation, recipient...).</summary>
    public async Task<JsonObject> ActivityTemplateAsync(string conversationId = PlaygroundIdentity.PersonalChatId, CancellationToken cancellationToken = default) =>
        (await _http.GetFromJsonAsync<JsonObject>($"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}", cancellationToken))!;

    /// <summary>Sets the mark without a user action, e.g. before something the bot sends on its own (a reminder).</summary>
    public void MarkNow() => Volatile.Write(ref _mark, _received.Count);

    /// <summary>Waits for a bot message (created or updated) after the latest user action that satisfies <paramref name="predicate"/>.</summary>
    public async Task<PlaygroundMessage> WaitForMessageAsync(Func<PlaygroundMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? s_defaultTimeout);
        while (true)
        {
            var match = SinceLastAction.FirstOrDefault(predicate);
            if (match is not null) return match;
            try
            {
                await _signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The bot sent nothing matching within the timeout. Since the last action: " +
                    (SinceLastAction.Count == 0 ? "nothing" : string.Join("\n", SinceLastAction.Select(m => Truncate(Fakes.JsonText.Readable(m.Raw))))));
            }
        }
    }

    /// <summary>Waits for a card after the latest user action; <paramref name="predicate"/> sees the card JSON.</summary>
    public Task<PlaygroundMessage> WaitForCardAsync(Func<JsonObject, bool>? predicate = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForMessageAsync(m => m.Card is { } card && (predicate?.Invoke(card) ?? true), timeout, cancellationToken);

    /// <summary>Waits for a text message containing <paramref name="fragment"/> after the latest user action.</summary>
    public Task<PlaygroundMessage> WaitForTextAsync(string fragment, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForMessageAsync(m => m.Text?.Contains(fragment, StringComparison.Ordinal) == true, timeout, cancellationToken);

    private static string Truncate(string text) => text.Length <= 1500 ? text : text[..1500] + "…";

    private async Task<JsonNode?> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _mark, _received.Count);
        using var response = await _http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Playground {path} answered {(int)response.StatusCode}: {text}");
        }

        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;

                var json = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                if (JsonNode.Parse(json) is JsonObject evt)
                {
                    _received.Enqueue(new PlaygroundMessage(
                        evt["action"]?.GetValue<string>() ?? "",
                        evt["actionConversationId"]?.GetValue<string>(),
                        evt));
                    _signal.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_receiveLoop is not null) await _receiveLoop;
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
        _signal.Dispose();
    }
}

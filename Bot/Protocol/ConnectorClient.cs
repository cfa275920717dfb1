using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Protocol;

/// <summary>
/// The Bot Connector REST API v3 (docs/protocol.md §3.1) on a typed HttpClient. The base address differs per call
/// (it is the activity's serviceUrl), so every method takes it. Tokens are attached by <see cref="Auth.ConnectorAuthHandler"/>.
/// </summary>
public sealed class ConnectorClient(HttpClient http, TimeProvider timeProvider)
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json", "utf-8");

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}");
        return await SendActivityAsync(HttpMethod.Post, uri, activity, cancellationToken);
    }

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");
        return await SendActivityAsync(HttpMethod.Post, uri, activity, cancellationToken);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        return await SendActivityAsync(HttpMethod.Put, uri, activity, cancellationToken);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var uri = Url(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        using var request = new HttpRequestMessage(HttpMethod.Delete, uri);
        using var response = await SendAsync(request, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(serviceUrl, "v3/conversations"))
        {
            Content = JsonContent.Create(parameters, BotJson.WireContext.ConversationParameters),
        };
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync(response, BotJsonContext.Default.ConversationResourceResponse, cancellationToken) ?? new ConversationResourceResponse(null, null, null);
    }

    /// <summary>One page of a conversation's or team's roster.</summary>
    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers?pageSize={pageSize}";
        if (!string.IsNullOrEmpty(continuationToken)) path += $"&continuationToken={Uri.EscapeDataString(continuationToken)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(serviceUrl, path));
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync(response, BotJsonContext.Default.PagedMembersResult, cancellationToken) ?? new PagedMembersResult(null, []);
    }

    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        // Serialized up front into a pooled buffer, not streamed: a Q&A card is tens of KB, and JsonContent would send
        // it as several chunked writes (one socket send per serializer flush). One buffer with a Content-Length is one
        // write, and the buffer goes back to the pool once the connector has answered (retries resend the same bytes).
        using var body = new PooledBufferWriter(16 * 1024);
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = BotJson.WireContext.Options.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, activity, BotJson.WireContext.Activity);
        }

        using var request = new HttpRequestMessage(method, uri)
        {
            Content = new ReadOnlyMemoryContent(body.WrittenMemory) { Headers = { ContentType = s_json } },
        };
        using var response = await SendAsync(request, cancellationToken);
        return await ReadAsync(response, BotJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse(null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorException(0, $"Connector unreachable: {ex.Message}", inner: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(0, "Connector timed out.", inner: ex);
        }

        if (response.IsSuccessStatusCode) return response;

        using (response)
        {
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => (TimeSpan?)delta,
                { Date: { } date } => date - timeProvider.GetUtcNow(),
                _ => null,
            };
            throw new ConnectorException((int)response.StatusCode, $"Connector answered {(int)response.StatusCode} {response.StatusCode} for {request.Method} {request.RequestUri?.AbsolutePath}.", retryAfter);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        {
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0) return default;
            try
            {
                // Buffered, then parsed in one synchronous pass: the connector's answers are small (an id, a page of
                // members), and the streaming reader's async machinery cost more than the parse on every reply.
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return body.Length == 0 ? default : JsonSerializer.Deserialize(body, typeInfo);
            }
            catch (System.Text.Json.JsonException)
            {
                // Some channels answer 2xx with an empty or non-JSON body; the send still succeeded.
                return default;
            }
        }
    }

    /// <summary>The serviceUrl with the relative path appended (one parse: the serviceUrl was checked absolute on arrival).</summary>
    internal static Uri Url(string serviceUrl, string relative) =>
        new(serviceUrl.EndsWith('/') ? serviceUrl + relative : string.Concat(serviceUrl, "/", relative), UriKind.Absolute);

    private static string Escape(string value) => Uri.EscapeDataString(value);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.ReadReceipts;
using OrganBot.Bot.Storage;
using OrganBot.Bot.Turns;

namespace OrganBot.Bot.Endpoints;

/// <summary><c>POST /api/messages</c>: where the channel delivers activities.</summary>
internal static partial class MessagesEndpoint
{
    /// <summary>Teams messages are limited to about 100 KB; 256 KB leaves room and stops abuse.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery();
        return app;
    }

    internal static async Task<IResult> HandleAsync(
        HttpContext context,
        IChannelAuthenticator authenticator,
        TurnProcessor processor,
        SeenActivities seen,
        ReadReceiptReceiver readReceipts,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("OrganBot.Bot.Endpoints.Messages");
        // Credentials first: without them the body is not even read.
        var caller = await authenticator.AuthenticateAsync(context, cancellationToken);
        if (!caller.Succeeded)
        {
            LogUnauthorized(logger, caller.Failure);
            return TypedResults.Unauthorized();
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"The request body exceeds {MaxBodyBytes} bytes.");
        }

        if (!IsJson(context.Request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not JSON", "An activity is sent as application/json.");
        }

        // The serializer checks the text of typed fields only; untyped ones (JsonNode) would fail later, where they are read.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            LogMalformed(logger, "invalid UTF-8");
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The request body is not valid UTF-8.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity);
            if (activity is not null) MaterializeUntyped(activity);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // JsonException for syntax and types; the others from untyped members read once here (a bad escape, a repeated key).
            LogMalformed(logger, ex.Message);
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The request body is not valid activity JSON.");
        }

        if (activity?.Type is not { Length: > 0 } || activity.Conversation?.Id is not { Length: > 0 }
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri) || serviceUri.Scheme is not ("http" or "https"))
        {
            return Problem(StatusCodes.Status400BadRequest, "Incomplete activity", "An activity needs type, conversation.id and an absolute serviceUrl.");
        }

        if (activity.Type == ActivityTypes.Invoke && activity.Name is not { Length: > 0 })
        {
            return Problem(StatusCodes.Status400BadRequest, "Incomplete activity", "An invoke activity needs a name.");
        }

        ActivityLimits.RemoveNullEntries(activity);
        if (ActivityLimits.Violation(activity) is { } violation)
        {
            LogMalformed(logger, violation);
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", violation);
        }

        var auth = await authenticator.AuthorizeAsync(caller.Caller!, activity, cancellationToken);
        if (!auth.Succeeded)
        {
            LogUnauthorized(logger, auth.Failure);
            return TypedResults.Unauthorized();
        }

        // Read receipts never reach a dialog and are never answered (docs/read-receipts.md).
        if (await readReceipts.TryHandleAsync(activity, cancellationToken) is { } receiptResult) return receiptResult;

        if (!await seen.TryMarkAsync(activity, cancellationToken))
        {
            // A redelivery of an activity already taken on (here or on another instance): acknowledge, answer nothing.
            LogDuplicate(logger, activity.Id, activity.Conversation.Id);
            return TypedResults.Ok();
        }

        AdaptiveCardInvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await processor.ProcessAsync(activity, cancellationToken);
        }
        catch
        {
            // The channel will redeliver it: let that delivery through.
            await seen.ForgetAsync(activity, CancellationToken.None);
            throw;
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            return activity.Name == "adaptiveCard/action" && invokeResponse is not null
                ? TypedResults.Json(invokeResponse, BotJsonContext.Default.AdaptiveCardInvokeResponse)
                : TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }

        return TypedResults.Ok();
    }

    private static void MaterializeUntyped(Activity activity)
    {
        JsonRead.Materialize(activity.ChannelData);
        JsonRead.Materialize(activity.Value);
        foreach (var entity in activity.Entities ?? []) JsonRead.Materialize(entity);
        foreach (var attachment in activity.Attachments ?? []) JsonRead.Materialize(attachment?.Content);
    }

    /// <summary>No Content-Type is tolerated (some tools omit it); one that is given must be JSON.</summary>
    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true));

    /// <summary>Reads at most <see cref="MaxBodyBytes"/>; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        if (request.ContentLength is { } length)
        {
            // The usual case (the channel sends a Content-Length): read straight into one array of that size.
            var exact = new byte[length];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += got;
            }

            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream(capacity: 4096);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Rejected malformed activity: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Rejected unauthenticated activity: {Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string? reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Activity {ActivityId} in conversation {ConversationId} was delivered again; acknowledged without processing")]
    private static partial void LogDuplicate(ILogger logger, string? activityId, string? conversationId);
}

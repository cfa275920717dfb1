using System.Net;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Feedback;

/// <summary>
/// <c>GET /api/admin/feedback/export</c>: the CSV for admins. Accepted credentials, checked against the bot's admin
/// list at the time of the download:
/// <list type="bullet">
/// <item>a one-time export token (from 导出反馈 in Teams), as <c>Authorization: Bearer …</c> or <c>?token=…</c>;
/// valid for Feedback:ExportLinkLifetime, once;</item>
/// <item>dev mode only (no MicrosoftAppId) and from loopback only: an <c>X-OrganBot-Admin</c> header holding a configured admin's aadObjectId.</item>
/// </list>
/// No credential or an invalid/used/expired token → 401; a known identity that is not (or no longer) an admin → 403.
/// </summary>
internal static partial class FeedbackEndpoints
{
    public const string Path = "/api/admin/feedback/export";
    public const string DevAdminHeader = "X-OrganBot-Admin";

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync);
        return app;
    }

    internal static async Task<IResult> ExportAsync(
        HttpContext context,
        EfFeedbackStore store,
        FeedbackCsvExporter exporter,
        AdminAuthorization admins,
        IOptions<BotAuthOptions> auth,
        OfficeClock office,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("OrganBot.Bot.Feedback.Export");
        var (adminAad, refusal) = await AuthenticateAdminAsync(context, "feedback", store, admins, auth.Value, logger, cancellationToken);
        if (refusal is not null) return refusal;

        var (content, count) = await exporter.ExportAsync(cancellationToken);
        LogExported(logger, count, adminAad!);
        context.Response.Headers.CacheControl = "no-store";
        var fileName = $"feedback-{office.Now:yyyyMMdd-HHmm}.csv";
        return TypedResults.File(content, "text/csv; charset=utf-8", fileName);
    }

    /// <summary>
    /// The admin behind an export download (one-time token, or the dev-mode loopback header), checked against the admin
    /// list now; otherwise the 401/403 to return. Shared by every admin CSV download that uses these one-time links.
    /// </summary>
    internal static async Task<(string? AdminAadObjectId, IResult? Refusal)> AuthenticateAdminAsync(
        HttpContext context, string purpose, EfFeedbackStore store, AdminAuthorization admins, BotAuthOptions auth, ILogger logger, CancellationToken cancellationToken)
    {
        string? adminAad;
        var token = BearerToken(context.Request) ?? (context.Request.Query.TryGetValue("token", out var query) ? query.ToString() : null);
        if (!string.IsNullOrEmpty(token))
        {
            adminAad = await store.RedeemExportTokenAsync(token, purpose, cancellationToken);
            if (adminAad is null)
            {
                LogRefused(logger, context.Request.Path, "invalid, used or expired export token");
                return (null, Unauthorized(context));
            }
        }
        else if (auth.IsDevMode && context.Request.Headers.TryGetValue(DevAdminHeader, out var header)
                 && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip))
        {
            adminAad = header.ToString();
        }
        else
        {
            LogRefused(logger, context.Request.Path, "no credentials");
            return (null, Unauthorized(context));
        }

        if (!admins.IsAdmin(new ChatUser("", adminAad, null)))
        {
            LogRefused(logger, context.Request.Path, "not an admin");
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only OrganBot administrators can download this export."));
        }

        return (adminAad, null);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : null;
    }

    private static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Send 导出反馈, or press 导出台账, in Teams to get a download link.");
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Refused admin export {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Exported {Count} feedback tickets for admin {AdminAadObjectId}")]
    private static partial void LogExported(ILogger logger, int count, string adminAadObjectId);
}

using System.Net;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Downloads;

/// <summary>
/// <c>GET /api/admin/downloads/{purpose}/{objectId}?token=…</c>: every admin export. The token (also accepted as
/// <c>Authorization: Bearer …</c>) must have been issued for this purpose and object, be unused and unexpired, and its
/// admin must still be on the admin list now. Dev mode only, from loopback only: an <c>X-OrganBot-Admin</c> header
/// naming a configured admin instead. Every answer, refusals included, carries <c>Cache-Control: no-store</c>.
/// </summary>
internal static class DownloadEndpoints
{
    public const string Prefix = "/api/admin/downloads";
    public const string DevAdminHeader = "X-OrganBot-Admin";

    public static string PathFor(string purpose, string objectId) => $"{Prefix}/{purpose}/{Uri.EscapeDataString(objectId)}";

    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "/{purpose}/{objectId}", DownloadAsync);
        return app;
    }

    internal static async Task<IResult> DownloadAsync(
        HttpContext context,
        string purpose,
        string objectId,
        IEnumerable<IDownloadSource> sources,
        DownloadTokenStore tokens,
        AdminAuthorization admins,
        IOptions<BotAuthOptions> auth,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var logger = loggerFactory.CreateLogger("OrganBot.Bot.Downloads");
        IResult Refuse(int status, string reason, string detail)
        {
            DownloadsLog.Refused(logger, purpose, objectId, reason);
            if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: status, detail: detail);
        }

        var source = sources.FirstOrDefault(s => s.Purpose == purpose);
        if (source is null) return Refuse(StatusCodes.Status404NotFound, "unknown purpose", "There is no such download.");

        string adminAad;
        var token = BearerToken(context.Request) ?? (context.Request.Query.TryGetValue("token", out var query) ? query.ToString() : null);
        if (!string.IsNullOrEmpty(token))
        {
            var redeemed = await tokens.RedeemAsync(token, purpose, objectId, aad => IsAdmin(admins, aad), cancellationToken);
            switch (redeemed.Check)
            {
                case LinkCheck.Unknown: return Refuse(StatusCodes.Status404NotFound, "unknown link", "This download link is not valid. Ask the bot for a new one.");
                case LinkCheck.OtherObject: return Refuse(StatusCodes.Status403Forbidden, "link issued for another download", "This link was issued for a different download.");
                case LinkCheck.Used: return Refuse(StatusCodes.Status410Gone, "link already used", "This download link has already been used; each link works once. Ask the bot for a new one.");
                case LinkCheck.Expired: return Refuse(StatusCodes.Status410Gone, "link expired", "This download link has expired. Ask the bot for a new one.");
                case LinkCheck.NotAdmin: return Refuse(StatusCodes.Status403Forbidden, "not an admin any more", "Only OrganBot administrators can download this export.");
                case LinkCheck.Raced: return Refuse(StatusCodes.Status410Gone, "link used concurrently", "This download link has already been used; each link works once.");
            }

            adminAad = redeemed.AdminAadObjectId!;
        }
        else if (auth.Value.IsDevMode && context.Request.Headers.TryGetValue(DevAdminHeader, out var header)
                 && context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip))
        {
            adminAad = header.ToString();
            if (!IsAdmin(admins, adminAad)) return Refuse(StatusCodes.Status403Forbidden, "dev header names no admin", "Only OrganBot administrators can download this export.");
        }
        else
        {
            return Refuse(StatusCodes.Status401Unauthorized, "no credentials", "Send 导出反馈, 导出台账 or 导出发送结果 in Teams to get a download link.");
        }

        if (await source.BuildAsync(objectId, cancellationToken) is not { } file)
        {
            return Refuse(StatusCodes.Status404NotFound, "no such object", "This item no longer exists.");
        }

        DownloadsLog.Downloaded(logger, purpose, objectId, file.Rows, adminAad);
        Dialogs.Telemetry.BotTelemetry.ExportDownloaded(purpose);
        return TypedResults.File(file.Content, "text/csv; charset=utf-8", file.FileName);
    }

    internal static bool IsAdmin(AdminAuthorization admins, string aadObjectId) => admins.IsAdmin(new ChatUser("", aadObjectId, null));

    private static string? BearerToken(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : null;
    }
}

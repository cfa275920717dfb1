using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// Who may see the console, checked on every request: in dev mode only this machine; a Teams SSO token
/// (<c>Authorization: Bearer</c>) or the session cookie a sign-in link started; the person must be on the admin list
/// now (401 without credentials, 403 for anyone else, with nothing in the body but the reason). A cookie session's
/// unsafe requests also need the antiforgery header (400 without it); a Bearer token is not sent by browsers on their
/// own, so it needs none. Every answer carries <c>Cache-Control: no-store</c>.
/// </summary>
internal sealed class ConsoleAccess(
    ConsoleSsoValidator sso,
    AdminAuthorization admins,
    IAntiforgery antiforgery,
    IOptions<BotAuthOptions> auth,
    ILogger<ConsoleAccess> logger)
{
    public const string CookieScheme = "OrganBotConsole";
    public const string ObjectIdClaim = "oid";

    /// <summary>The caller, or the status to refuse with (401, 403 or 400; logged here).</summary>
    public async Task<(ConsoleCaller? Caller, int Status)> CheckAsync(HttpContext context, bool requireAntiforgery)
    {
        context.Response.Headers.CacheControl = "no-store";
        var language = ConsoleCaller.LanguageOf(context.Request);
        (ConsoleCaller?, int) Refuse(int status, string reason)
        {
            ConsoleLog.Refused(logger, context.Request.Method, context.Request.Path, status, reason);
            if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, status);
        }

        if (auth.Value.IsDevMode && !(context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)))
        {
            return Refuse(StatusCodes.Status403Forbidden, "dev mode: not from loopback");
        }

        string? objectId;
        var viaCookie = false;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            string? refusal;
            (objectId, refusal) = await sso.ValidateAsync(header["Bearer ".Length..].Trim(), context.RequestAborted);
            if (objectId is null) return Refuse(StatusCodes.Status401Unauthorized, "SSO token: " + refusal);
        }
        else
        {
            var session = await context.AuthenticateAsync(CookieScheme);
            objectId = session.Succeeded ? session.Principal.FindFirstValue(ObjectIdClaim) : null;
            if (objectId is null) return Refuse(StatusCodes.Status401Unauthorized, "no credentials");
            viaCookie = true;
            context.User = session.Principal!;
        }

        if (!admins.IsAdmin(new ChatUser("", objectId, null))) return Refuse(StatusCodes.Status403Forbidden, "not an admin");

        if (viaCookie && requireAntiforgery)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return Refuse(StatusCodes.Status400BadRequest, "antiforgery token missing or wrong");
            }
        }

        return (new ConsoleCaller(objectId, viaCookie, language), StatusCodes.Status200OK);
    }

    /// <summary>Runs <see cref="CheckAsync"/> before every console API endpoint; POSTs need the antiforgery header.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var access = context.RequestServices.GetRequiredService<ConsoleAccess>();
        var (caller, status) = await access.CheckAsync(context, !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method));
        if (caller is null) return TypedResults.Problem(statusCode: status, detail: ConsoleText.Refusal(status, ConsoleCaller.LanguageOf(context.Request)));
        context.Items[ConsoleCaller.ItemKey] = caller;
        return await next(invocation);
    }
}

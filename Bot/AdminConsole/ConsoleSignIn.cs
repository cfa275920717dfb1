using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OrganBot.Bot.Downloads;
using OrganBot.Cards;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// Sign-in by link. <c>GET /console/signin?token=…</c> only shows a 登录 button, so a link preview or a mail scanner
/// that fetches the link does not spend it; the button POSTs the token with the antiforgery field, the link is redeemed
/// by the download-link store (one-time, unexpired, issued for a console sign-in, its admin still an admin) and a
/// cookie session starts.
/// </summary>
internal static class ConsoleSignIn
{
    public static IResult Show(HttpContext context, IAntiforgery antiforgery)
    {
        context.Response.Headers.CacheControl = "no-store";
        var language = ConsoleCaller.LanguageOf(context.Request);
        var token = context.Request.Query["token"].ToString();
        var title = language.Pick("管理后台", "Admin console");
        if (token.Length is 0 or > 100)
        {
            return Html(StatusCodes.Status401Unauthorized, ConsoleText.Page(language, title, ConsoleText.Refusal(StatusCodes.Status401Unauthorized, language)));
        }

        var csrf = antiforgery.GetAndStoreTokens(context);
        return Html(StatusCodes.Status200OK, ConsoleText.Page(language, title,
            language.Pick("点击下方按钮登录。登录链接仅可使用一次。", "Press the button to sign in. The link works once."),
            ConsoleText.SignInForm(token, csrf.FormFieldName, csrf.RequestToken!, language)));
    }

    public static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, DownloadTokenStore tokens, AdminAuthorization admins, ILogger<ConsoleAccess> logger)
    {
        context.Response.Headers.CacheControl = "no-store";
        var language = ConsoleCaller.LanguageOf(context.Request);
        var title = language.Pick("管理后台", "Admin console");
        if (!context.Request.HasFormContentType)
        {
            return Html(StatusCodes.Status400BadRequest, ConsoleText.Page(language, title, ConsoleText.Refusal(StatusCodes.Status400BadRequest, language)));
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            ConsoleLog.Refused(logger, "POST", context.Request.Path, StatusCodes.Status400BadRequest, "sign-in without antiforgery token");
            return Html(StatusCodes.Status400BadRequest, ConsoleText.Page(language, title, ConsoleText.Refusal(StatusCodes.Status400BadRequest, language)));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var token = form["token"].ToString();
        var redeemed = token.Length is 0 or > 100
            ? new LinkRedemption(LinkCheck.Unknown)
            : await tokens.RedeemAsync(token, DownloadPurposes.ConsoleSignIn, DownloadPurposes.ConsoleSession, aad => DownloadEndpoints.IsAdmin(admins, aad), context.RequestAborted);
        if (redeemed.Check != LinkCheck.Accepted)
        {
            var status = redeemed.Check switch
            {
                LinkCheck.Used or LinkCheck.Raced or LinkCheck.Expired => StatusCodes.Status410Gone,
                LinkCheck.NotAdmin or LinkCheck.OtherObject => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status404NotFound,
            };
            ConsoleLog.Refused(logger, "POST", context.Request.Path, status, "sign-in link " + redeemed.Check);
            return Html(status, ConsoleText.Page(language, title, ConsoleText.LinkRefusal(redeemed.Check, language)));
        }

        var identity = new ClaimsIdentity([new Claim(ConsoleAccess.ObjectIdClaim, redeemed.AdminAadObjectId!)], ConsoleAccess.CookieScheme);
        await context.SignInAsync(ConsoleAccess.CookieScheme, new ClaimsPrincipal(identity));
        ConsoleLog.SignedIn(logger, redeemed.AdminAadObjectId!);
        return TypedResults.Redirect("/console/", permanent: false);
    }

    private static IResult Html(int status, string html) => TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

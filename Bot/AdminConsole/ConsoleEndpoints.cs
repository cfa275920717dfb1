using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.FileProviders;
using OrganBot.Cards;
using OrganBot.Dialogs.Announcements;
using OrganBot.Dialogs.Downloads;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Knowledge;
using OrganBot.Dialogs.ReadReceipts;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.AdminConsole;

/// <summary>
/// <c>/console/…</c>: the pages (one static shell, filled from the API), the bundled assets, sign-in by link, and
/// <c>/console/api/…</c>, every call of which goes through <see cref="ConsoleAccess"/>. Actions call the same services
/// as the admin cards (<see cref="TicketTriage"/>, <see cref="QaQueueResolver"/>, <see cref="AnnouncementFollowUp"/>,
/// the download links).
/// </summary>
internal static class ConsoleEndpoints
{
    public static readonly string[] Pages = ["overview", "attendance", "feedback", "announcements", "qa"];

    // Chinese stays readable in the JSON; HTML-sensitive characters are still escaped.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft";

    public static IEndpointRouteBuilder MapConsole(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, "wwwroot", "console");
        // The session cookie, as the default scheme would have read it, but on console requests only (see AddConsole).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/console"), console => console.Use(async (context, next) =>
        {
            var session = await context.AuthenticateAsync(ConsoleAccess.CookieScheme);
            if (session.Succeeded) context.User = session.Principal;
            await next(context);
        }));
        if (Directory.Exists(Path.Combine(root, "assets")))
        {
            app.UseCompressedConsoleAssets(Path.Combine(root, "assets"));
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/console/assets",
                FileProvider = new PhysicalFileProvider(Path.Combine(root, "assets")),
                OnPrepareResponse = file => file.Context.Response.Headers.XContentTypeOptions = "nosniff",
            });
        }

        var console = app.MapGroup("/console");
        console.MapGet("/signin", ConsoleSignIn.Show);
        console.MapPost("/signin", ConsoleSignIn.SignInAsync);
        console.MapGet("/", (HttpContext context, ConsoleAccess access) => PageAsync(context, "overview", access, root));
        console.MapGet("/{page}", (HttpContext context, string page, ConsoleAccess access) => PageAsync(context, page, access, root));

        var api = console.MapGroup("/api").AddEndpointFilter(ConsoleAccess.FilterAsync);
        api.MapGet("/me", Me);
        api.MapPost("/signout", SignOutAsync);
        api.MapGet("/overview", async (HttpContext c, OverviewQuery q) => Json(await q.BuildAsync(ConsoleCaller.Of(c).Language, c.RequestAborted)));
        api.MapGet("/attendance", AttendanceAsync);
        api.MapPost("/attendance/export", ExportAttendanceAsync);
        api.MapGet("/feedback", (HttpContext c, FeedbackQuery q, string? status, string? unit, string? category, string? month) =>
            FeedbackAsync(c, q, status, unit, category, month));
        api.MapGet("/feedback/{number}", async (HttpContext c, string number, FeedbackQuery q) =>
            await q.DetailAsync(number, ConsoleCaller.Of(c).Language, c.RequestAborted) is { } detail ? Json(detail) : NotFound(c));
        api.MapPost("/feedback/{number}", TriageAsync);
        api.MapGet("/announcements", async (HttpContext c, AnnouncementQuery q) => Json(await q.BuildAsync(ConsoleCaller.Of(c).Language, c.RequestAborted)));
        api.MapPost("/announcements/{id}/remind", RemindAsync);
        api.MapGet("/qa", async (HttpContext c, QaQuery q) => Json(await q.BuildAsync(ConsoleCaller.Of(c).Language, c.RequestAborted)));
        api.MapPost("/qa/{id}", ResolveQuestionAsync);
        return app;
    }

    /// <summary>
    /// The shell for a known page: for a signed-in admin, and in the Teams tab (<c>?host=teams</c>), where the page then
    /// signs in with SSO on every API call. Others get a short page saying how to sign in (401) or that it is for admins (403).
    /// </summary>
    private static async Task<IResult> PageAsync(HttpContext context, string page, ConsoleAccess access, string root)
    {
        var language = ConsoleCaller.LanguageOf(context.Request);
        if (!Pages.Contains(page, StringComparer.Ordinal)) return TypedResults.NotFound();
        var inTeams = context.Request.Query["host"] == "teams" && !context.Request.Cookies.Keys.Any(k => k.StartsWith(ConsoleExtensions.CookieName, StringComparison.Ordinal));
        var (caller, status) = await access.CheckAsync(context, requireAntiforgery: false);
        if (caller is null && !(inTeams && status == StatusCodes.Status401Unauthorized))
        {
            return Html(status, ConsoleText.Page(language, language.Pick("管理后台", "Admin console"), ConsoleText.Refusal(status, language)));
        }

        var shell = Path.Combine(root, "index.html");
        if (!File.Exists(shell)) return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The console's files are missing; run `node tools/console/build.mjs`.");
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(await File.ReadAllTextAsync(shell, context.RequestAborted), "text/html; charset=utf-8");
    }

    private static IResult Me(HttpContext context, IAntiforgery antiforgery)
    {
        var caller = ConsoleCaller.Of(context);
        var csrf = caller.ViaCookie ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
        return Json(new { caller.AadObjectId, Language = caller.Language == UiLanguage.English ? "en" : "zh", Csrf = csrf, caller.ViaCookie });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ILogger<ConsoleAccess> logger)
    {
        await context.SignOutAsync(ConsoleAccess.CookieScheme);
        ConsoleLog.Action(logger, "sign-out", "session", ConsoleCaller.Of(context).AadObjectId);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> AttendanceAsync(HttpContext context, AttendanceQuery query, string? from, string? to)
    {
        var (defaultFrom, defaultTo) = query.DefaultRange();
        if (!TryDate(from, defaultFrom, out var start) || !TryDate(to, defaultTo, out var end) || end < start || end.DayNumber - start.DayNumber > 3 * 366)
        {
            return BadRequest(context, "from/to must be dates yyyy-MM-dd, from ≤ to, at most three years apart.", "from/to 须为 yyyy-MM-dd 格式的日期，起始不晚于结束，跨度不超过三年。");
        }

        return Json(await query.BuildAsync(start, end, ConsoleCaller.Of(context).Language, context.RequestAborted));
    }

    public sealed record ExportRequest(string? Occurrence);

    /// <summary>The 台账 CSV of one occurrence: a one-time link from the same service and export as 导出台账.</summary>
    private static async Task<IResult> ExportAttendanceAsync(HttpContext context, ExportRequest? body, OccurrenceResolver occurrences, IDownloadLinks links, ILogger<ConsoleAccess> logger)
    {
        var caller = ConsoleCaller.Of(context);
        if (body?.Occurrence is not { Length: > 0 and <= 200 } key || !OccurrenceKeys.TryParse(key, out _, out _)
            || (await occurrences.ResolveAsync(key, null, context.RequestAborted)).Occurrence is null) return NotFound(context);
        var link = await links.CreateAsync(DownloadPurposes.AttendanceLedger, key, caller.AadObjectId, context.RequestAborted);
        ConsoleLog.Action(logger, "attendance-export", key, caller.AadObjectId);
        return Json(new { Url = link.Url.AbsoluteUri, link.Minutes });
    }

    private static async Task<IResult> FeedbackAsync(HttpContext context, FeedbackQuery query, string? status, string? unit, string? category, string? month)
    {
        status = Blank(status);
        unit = Blank(unit);
        category = Blank(category);
        month = Blank(month);
        if ((status is not null && FeedbackLabels.ParseCode<FeedbackStatus>(status) is null)
            || (unit is not null && unit != "none" && FeedbackLabels.ParseCode<HandlingUnit>(unit) is null)
            || (category is not null && FeedbackLabels.ParseCode<FeedbackCategory>(category) is null)
            || (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            return BadRequest(context, "Unknown filter value.", "筛选条件无法识别。");
        }

        return Json(await query.BuildAsync(status, unit, category, month, ConsoleCaller.Of(context).Language, context.RequestAborted));
    }

    public sealed record TriageBody(string? Action, int? Version, string? Unit, string? Reply);

    /// <summary>受理 / 转办 / 回复 / 办结 through <see cref="TicketTriage"/>, exactly as the admin card does it.</summary>
    private static async Task<IResult> TriageAsync(HttpContext context, string number, TriageBody? body, TicketTriage triage, FeedbackQuery query, ILogger<ConsoleAccess> logger)
    {
        var caller = ConsoleCaller.Of(context);
        var language = caller.Language;
        TicketAction? action = body?.Action switch
        {
            "accept" => TicketAction.Accept,
            "route" => TicketAction.Route,
            "reply" => TicketAction.Reply,
            "resolve" => TicketAction.Resolve,
            _ => null,
        };
        if (action is null || body!.Version is null) return BadRequest(context, "action must be accept, route, reply or resolve, with the ticket's version.", "操作须为受理、转办、回复或办结，并带上反馈的版本号。");
        var result = await triage.ApplyAsync(new TriageRequest(number, action.Value, body.Version, body.Unit, body.Reply, language.Pick("管理员", "Admin") + "（管理后台）", caller.AadObjectId), context.RequestAborted);
        if (result.Outcome == TriageOutcome.NotFound) return NotFound(context);
        var detail = await query.DetailAsync(number, language, context.RequestAborted);
        if (result.Outcome == TriageOutcome.Applied)
        {
            ConsoleLog.Action(logger, body.Action!, number, caller.AadObjectId);
            return Json(new { Ok = true, Ticket = detail });
        }

        var message = result.Outcome switch
        {
            TriageOutcome.Refused => TicketTriage.Explain(result.Refusal, body.Reply, language),
            TriageOutcome.Stale => language.Pick("该反馈已有更新，下方为最新状态，操作未执行，请重新操作。", "This ticket changed since you opened it; this is its latest state. Nothing was changed; please try again."),
            _ => language.Pick("另一位管理员刚刚处理了这条反馈，下方为最新状态，本次操作未执行。", "Another admin just changed this ticket; this is the latest state. Nothing was changed."),
        };
        return TypedResults.Json(new { Ok = false, Error = message, Ticket = detail }, s_json, statusCode: result.Outcome == TriageOutcome.Refused ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict);
    }

    /// <summary>未读提醒 through <see cref="AnnouncementFollowUp"/>, with the card's limits and words.</summary>
    private static async Task<IResult> RemindAsync(HttpContext context, string id, IAnnouncementStore store, AnnouncementFollowUp followUp, AnnouncementQuery query, ILogger<ConsoleAccess> logger)
    {
        var caller = ConsoleCaller.Of(context);
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var announcementId) || await store.FindAsync(announcementId, context.RequestAborted) is not { } announcement)
        {
            return NotFound(context);
        }

        if (announcement.State is not (AnnouncementState.Sending or AnnouncementState.Completed))
        {
            return TypedResults.Json(new { Ok = false, Error = caller.Language.Pick("这条公告未在发送或已撤回，无需提醒。", "This announcement is not out (or was withdrawn); there is nobody to remind.") }, s_json, statusCode: StatusCodes.Status409Conflict);
        }

        var result = await followUp.RemindUnreadAsync(announcement, context.RequestAborted);
        ConsoleLog.Action(logger, "remind-unread", id, caller.AadObjectId);
        return Json(new
        {
            Ok = true,
            Message = FollowUpFeature.Describe(announcement.Content.Title, mention: false, result, caller.Language),
            Row = await query.RowAsync(announcement, caller.Language, context.RequestAborted),
        });
    }

    public sealed record ResolveBody(string? Action, string? SentenceId);

    /// <summary>问答待办: link to a sentence or confirm not covered, through <see cref="QaQueueResolver"/>.</summary>
    private static async Task<IResult> ResolveQuestionAsync(HttpContext context, string id, ResolveBody? body, QaQueueResolver resolver, ILogger<ConsoleAccess> logger)
    {
        var caller = ConsoleCaller.Of(context);
        if (body?.Action is not ("link" or "dismiss") || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var item))
        {
            return BadRequest(context, "action must be link (with sentenceId) or dismiss.", "操作须为关联（带句子编号）或确认未涉及。");
        }

        var result = await resolver.ResolveAsync(item, body.Action == "link" ? body.SentenceId ?? "" : null, caller.AadObjectId, caller.Language, context.RequestAborted);
        if (!result.Valid) return BadRequest(context, "Unknown sentence.", "句子编号无法识别。");
        ConsoleLog.Action(logger, "qa-" + body.Action, id, caller.AadObjectId);
        return Json(new { Ok = true, result.Note, result.Resolved });
    }

    private static IResult Json(object value) => TypedResults.Json(value, s_json);

    private static IResult NotFound(HttpContext context) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: ConsoleCaller.LanguageOf(context.Request).Pick("未找到。", "Not found."));

    private static IResult BadRequest(HttpContext context, string english, string chinese) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: ConsoleCaller.LanguageOf(context.Request).Pick(chinese, english));

    private static IResult Html(int status, string html) => TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

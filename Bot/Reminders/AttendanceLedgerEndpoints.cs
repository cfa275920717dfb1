using OrganBot.Bot.Exports;
using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Feedback;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders;

/// <summary>
/// <c>GET /api/admin/reminders/attendance?occurrence=…&amp;token=…</c>: the 台账 of one occurrence as a CSV file (UTF-8 with a
/// BOM so Excel shows the Chinese; cells starting with = + - @ escaped). Credentials as for the feedback export
/// (<see cref="FeedbackEndpoints.AuthenticateAdminAsync"/>): 401 without a valid one, 403 for a non-admin, 404 for an unknown occurrence.
/// </summary>
internal static partial class AttendanceLedgerEndpoints
{
    public const string Path = "/api/admin/reminders/attendance";

    public static IEndpointRouteBuilder MapAttendanceLedger(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ExportAsync);
        return app;
    }

    internal static async Task<IResult> ExportAsync(
        HttpContext context,
        string? occurrence,
        EfFeedbackStore tokens,
        AttendanceReport report,
        AdminAuthorization admins,
        IOptions<BotAuthOptions> auth,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("OrganBot.Bot.Reminders.AttendanceLedger");
        var (adminAad, refusal) = await FeedbackEndpoints.AuthenticateAdminAsync(context, "attendance", tokens, admins, auth.Value, logger, cancellationToken);
        if (refusal is not null) return refusal;

        context.Response.Headers.CacheControl = "no-store";
        if (await report.BuildLedgerAsync(occurrence, cancellationToken) is not { } ledger)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "This event or occurrence no longer exists.");
        }

        var content = await WriteAsync(ledger, cancellationToken);
        LogExported(logger, occurrence!, ledger.Rows.Count, adminAad!);
        return TypedResults.File(content, "text/csv; charset=utf-8", $"attendance-{occurrence!.Replace(':', '-')}.csv");
    }

    internal static Task<byte[]> WriteAsync(AttendanceLedger ledger, CancellationToken cancellationToken) =>
        ExcelCsv.WriteAsync(
            AttendanceLedger.Columns,
            ledger.Rows.Select(row => (IReadOnlyList<string>)[ledger.EventTitle, ledger.Time, row.Name, row.Answer, row.Reason, row.AnsweredAt, row.Delivery]),
            cancellationToken);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Exported the attendance ledger of {OccurrenceKey} ({Count} rows) for admin {AdminAadObjectId}")]
    private static partial void LogExported(ILogger logger, string occurrenceKey, int count, string adminAadObjectId);
}

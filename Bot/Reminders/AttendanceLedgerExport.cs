using OrganBot.Bot.Downloads;
using OrganBot.Bot.Exports;
using OrganBot.Dialogs.Downloads;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders;

/// <summary>
/// 导出台账 behind the one-time admin download link (<see cref="DownloadEndpoints"/>; object = occurrence key): the
/// 台账 of one occurrence as a CSV file (UTF-8 with a BOM so Excel shows the Chinese; cells starting with = + - @ escaped).
/// </summary>
internal sealed class AttendanceLedgerExport(AttendanceReport report) : IDownloadSource
{
    public string Purpose => DownloadPurposes.AttendanceLedger;

    public async Task<DownloadFile?> BuildAsync(string objectId, CancellationToken cancellationToken)
    {
        if (await report.BuildLedgerAsync(objectId, cancellationToken) is not { } ledger) return null;
        return new DownloadFile(await WriteAsync(ledger, cancellationToken), $"attendance-{objectId.Replace(':', '-')}.csv", ledger.Rows.Count);
    }

    internal static Task<byte[]> WriteAsync(AttendanceLedger ledger, CancellationToken cancellationToken) =>
        ExcelCsv.WriteAsync(
            AttendanceLedger.Columns,
            ledger.Rows.Select(row => (IReadOnlyList<string>)[ledger.EventTitle, ledger.Time, row.Name, row.Answer, row.Reason, row.AnsweredAt, row.Delivery, row.ApprovalNote]),
            cancellationToken);
}

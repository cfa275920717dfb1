using OrganBot.Bot.Downloads;
using OrganBot.Bot.Exports;
using OrganBot.Cards;
using OrganBot.Dialogs.Downloads;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders;

/// <summary>
/// 成员台账 behind the one-time admin download link (object = member|from|to): each member's answer to every occurrence in
/// the range with leave approvals, as a CSV file (UTF-8 with a BOM; cells starting with = + - @ escaped).
/// </summary>
internal sealed class MemberLedgerExport(AttendanceReport report) : IDownloadSource
{
    public string Purpose => DownloadPurposes.MemberLedger;

    public async Task<DownloadFile?> BuildAsync(string objectId, CancellationToken cancellationToken)
    {
        if (await report.BuildMemberLedgerAsync(objectId, UiLanguage.Chinese, cancellationToken) is not { } ledger) return null;
        var bytes = await ExcelCsv.WriteAsync(
            MemberLedger.Columns,
            ledger.Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Event, r.Kind, r.Time, r.Answer, r.Reason, r.DecidedBy, r.ApprovalNote, r.AnsweredAt]),
            cancellationToken);
        return new DownloadFile(bytes, $"attendance-{ledger.From:yyyyMMdd}-{ledger.To:yyyyMMdd}.csv", ledger.Rows.Count);
    }
}

using System.Globalization;
using OrganBot.Bot.Downloads;
using OrganBot.Bot.Exports;
using OrganBot.Cards;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Downloads;
using OrganBot.Dialogs.Conversation;

namespace OrganBot.Bot.Feedback;

/// <summary>
/// 导出反馈 as CSV: UTF-8 with a BOM so Excel shows the Chinese correctly, formula-looking cells escaped, and no
/// member identity for anonymous tickets (the rows are built from the anonymity-safe ticket view).
/// </summary>
internal sealed class FeedbackCsvExporter(EfFeedbackStore store, OfficeClock office) : IDownloadSource
{
    public static readonly string[] Columns =
        ["编号", "类别", "状态", "承办单位", "提交时间", "最后更新", "办结时间", "提交人", "联系方式", "内容", "回复", "满意度", "评价意见", "处理记录"];

    public string Purpose => DownloadPurposes.Feedback;

    public async Task<DownloadFile?> BuildAsync(string objectId, CancellationToken cancellationToken)
    {
        if (objectId != DownloadPurposes.Everything) return null;
        var (content, count) = await ExportAsync(cancellationToken);
        return new DownloadFile(content, $"feedback-{office.Now:yyyyMMdd-HHmm}.csv", count);
    }

    public async Task<(byte[] Content, int Count)> ExportAsync(CancellationToken cancellationToken)
    {
        var rows = await store.ExportAsync(cancellationToken);
        var zh = UiLanguage.Chinese;
        var content = await ExcelCsv.WriteAsync(Columns, rows.Select(r =>
        {
            var (ticket, history) = r;
            return (IReadOnlyList<string>)
            [
                ticket.Number,
                ticket.Category.Label(zh),
                ticket.Status.Label(zh),
                ticket.Unit?.Label(zh) ?? "",
                Time(ticket.CreatedAt),
                Time(ticket.UpdatedAt),
                ticket.ResolvedAt is { } resolved ? Time(resolved) : "",
                ticket.IsAnonymous ? "匿名" : ticket.MemberName ?? "",
                ticket.IsAnonymous ? "" : ticket.Contact.Label(zh) + (ticket.ContactDetail is null ? "" : $"（{ticket.ContactDetail}）"),
                ticket.Content,
                string.Join("\n", ticket.Replies.Select(r => $"[{Time(r.At)} {r.AdminName}] {r.Text}")),
                ticket.Rating?.Label(zh) ?? "",
                ticket.RatingComment ?? "",
                string.Join("\n", history.Select(h => $"[{Time(h.At)}] {h.Actor} {ActionLabel(h.Action)}{(h.Detail is null ? "" : "：" + h.Detail)}")),
                ];
        }), cancellationToken);
        return (content, rows.Count);
    }

    private string Time(DateTimeOffset at) => office.ToOffice(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string ActionLabel(string action) => action switch
    {
        "created" => "提交",
        "accepted" => "受理",
        "routed" => "转办",
        "replied" => "回复",
        "resolved" => "办结",
        "rated" => "评价",
        _ => action,
    };
}

using Microsoft.Extensions.Options;
using OrganBot.Bot.Feedback;
using OrganBot.Dialogs.Feedback;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders;

/// <summary>
/// 导出台账 links: the same one-time admin export token as 导出反馈 (only its hash is stored; it works once, for
/// Feedback:ExportLinkLifetime, and the admin list is checked again at download), pointing at
/// <see cref="AttendanceLedgerEndpoints.Path"/> with the occurrence key.
/// </summary>
internal sealed class AttendanceLedgerLinks(EfFeedbackStore tokens, IOptionsMonitor<FeedbackOptions> options) : IAttendanceLedgerLinks
{
    public async Task<LedgerLink> CreateAsync(string adminAadObjectId, string occurrenceKey, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var token = await tokens.CreateExportTokenAsync(adminAadObjectId, "attendance", settings.ExportLinkLifetime, cancellationToken);
        var url = $"{settings.PublicBaseUrl.TrimEnd('/')}{AttendanceLedgerEndpoints.Path}?occurrence={Uri.EscapeDataString(occurrenceKey)}&token={Uri.EscapeDataString(token)}";
        return new LedgerLink(new Uri(url), settings.ExportLinkLifetime);
    }
}

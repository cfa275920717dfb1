namespace OrganBot.Dialogs.Feedback;

/// <summary>Which tickets 反馈列表 and the export list.</summary>
public sealed record TicketFilter(FeedbackStatus? Status = null, FeedbackCategory? Category = null, bool OpenOnly = true, int Take = 20);

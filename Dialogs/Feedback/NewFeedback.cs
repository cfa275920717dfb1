namespace OrganBot.Dialogs.Feedback;

/// <summary>What the member submitted. <see cref="MemberUserId"/> goes only into the protected reply address.</summary>
public sealed record NewFeedback(
    FeedbackCategory Category,
    string Content,
    bool IsAnonymous,
    ContactPreference Contact,
    string? ContactDetail,
    string MemberUserId,
    string? MemberName,
    string? MemberAadObjectId,
    string Language);

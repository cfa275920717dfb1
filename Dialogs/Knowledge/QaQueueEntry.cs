using OrganBot.Cards;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// A question the bot missed (讲话未涉及) or a member marked 👎, waiting in 问答待办.
/// </summary>
/// <param name="Reason">未涉及, 👎, or what the member said was wrong (答非所问 / 不完整 / 其他).</param>
/// <param name="AskerUserId">The member's Teams id, where the answer is sent once an admin links the question.</param>
/// <param name="AskerKey">The member's aadObjectId (or Teams id): one open entry per member and question.</param>
/// <param name="SentenceIds">The sentences an admin linked it to (s42), once <see cref="QaQueueStatus.Linked"/>.</param>
public sealed record QaQueueEntry(
    long Id,
    string Question,
    string Reason,
    string AskerUserId,
    string AskerKey,
    UiLanguage Language,
    QaQueueStatus Status,
    IReadOnlyList<string> SentenceIds,
    DateTimeOffset CreatedAt);

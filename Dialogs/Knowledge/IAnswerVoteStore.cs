namespace OrganBot.Dialogs.Knowledge;

/// <summary>Stores 👍/👎 on answers (port; EF implementation in Bot).</summary>
public interface IAnswerVoteStore
{
    /// <summary>Records the vote, replacing the member's earlier vote on the same answer.</summary>
    Task RecordAsync(AnswerVote vote, CancellationToken cancellationToken);

    Task<AnswerVoteStats> GetStatsAsync(int top, CancellationToken cancellationToken);
}

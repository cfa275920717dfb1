namespace OrganBot.Bot.Auth;

/// <summary>
/// The channel endorsement rule (docs/protocol.md §2.2 #6): a key that signs channel tokens must list the activity's
/// channel among its endorsements; a key with no endorsements signs for nobody.
/// </summary>
internal static class EndorsementCheck
{
    public static bool IsEndorsed(IReadOnlyCollection<string> endorsements, string? channelId) =>
        endorsements.Count > 0 && (string.IsNullOrEmpty(channelId) || endorsements.Contains(channelId, StringComparer.Ordinal));
}

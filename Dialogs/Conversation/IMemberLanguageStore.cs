using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

/// <summary>The language a member chose (语言/language) and the one they last wrote in.</summary>
public sealed record MemberLanguages(UiLanguage? Preferred, UiLanguage? Last);

/// <summary>Per-member language, stored with the member so every instance and restart sees it.</summary>
public interface IMemberLanguageStore
{
    Task<MemberLanguages> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Records the language of the member's latest text.</summary>
    Task SetLastAsync(string memberId, UiLanguage language, CancellationToken cancellationToken);

    /// <summary>The member's own choice; also becomes the last language.</summary>
    Task SetPreferredAsync(string memberId, UiLanguage language, CancellationToken cancellationToken);
}

using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Decides the language of a turn, whatever the client's locale: the language of the member's text; for text that
/// does not tell, their chosen language, then the last one they wrote in, then Chinese. Card actions carry no text
/// and answer in the language of the card they came from: the last one, then the chosen one, then the client's
/// locale (a first welcome), then Chinese.
/// </summary>
public sealed class LanguageResolver(IMemberLanguageStore store)
{
    public async Task<UiLanguage> ResolveAsync(TurnInput input, CancellationToken cancellationToken)
    {
        var memberId = input.User.Id;
        var stored = memberId.Length > 0 ? await store.GetAsync(memberId, cancellationToken) : new MemberLanguages(null, null);
        if (input.Kind == TurnKind.Message && TextLanguage.Detect(input.Text) is { } written)
        {
            // Read first: a member who keeps writing one language costs no write.
            if (memberId.Length > 0 && stored.Last != written) await store.SetLastAsync(memberId, written, cancellationToken);
            return written;
        }

        if (input.Kind == TurnKind.Message) return stored.Preferred ?? stored.Last ?? UiLanguage.Chinese;
        return stored.Last ?? stored.Preferred ?? (input.Locale is { Length: > 0 } ? input.Language : UiLanguage.Chinese);
    }
}

using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>语言/language: shows and sets the member's language (中文/英文 set it at once).</summary>
public sealed class LanguageFeature(IMemberLanguageStore store) : IFeature
{
    public Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken)
    {
        if (command == LanguageCommands.Chinese) return SetAsync(turn, UiLanguage.Chinese, replace: false, cancellationToken);
        if (command == LanguageCommands.English) return SetAsync(turn, UiLanguage.English, replace: false, cancellationToken);
        return turn.SendAsync(OutgoingMessage.FromCard(LanguageCard.Build(turn.Input.Language)), cancellationToken);
    }

    public async Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        UiLanguage? chosen = turn.Input.Verb == LanguageCard.SetVerb
            ? turn.Input.Data(LanguageCard.LanguageKey) switch { "zh" => UiLanguage.Chinese, "en" => UiLanguage.English, _ => null }
            : null;
        if (chosen is null)
        {
            await turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
                "抱歉，这个按钮无法识别，请重新发送“语言”。", "Sorry, I couldn't read that button. Please send \"language\" again.")), cancellationToken);
            return;
        }

        await SetAsync(turn, chosen.Value, replace: true, cancellationToken);
    }

    private async Task SetAsync(ITurnContext turn, UiLanguage language, bool replace, CancellationToken cancellationToken)
    {
        await store.SetPreferredAsync(turn.Input.User.Id, language, cancellationToken);
        var card = LanguageCard.Build(language, changed: true);
        if (replace) await turn.ReplaceCardAsync(card, cancellationToken);
        else await turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
    }
}

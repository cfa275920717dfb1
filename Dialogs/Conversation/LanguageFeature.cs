using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>语言/language: shows and sets the member's language (中文/英文 set it at once).</summary>
public sealed class LanguageFeature(IMemberLanguageStore store) : IFeature
{
    private static readonly string[] s_show = ["语言", "language", "切换语言", "语言设置"];
    private static readonly string[] s_chinese = ["中文", "chinese", "语言 中文", "language chinese"];
    private static readonly string[] s_english = ["英文", "english", "语言 英文", "language english"];
    private static readonly string[] s_commands = [.. s_show, .. s_chinese, .. s_english];

    public IReadOnlyCollection<string> Commands => s_commands;

    public string VerbPrefix => LanguageCard.Prefix;

    public Task HandleCommandAsync(ITurnContext turn, string command, CancellationToken cancellationToken)
    {
        if (s_chinese.Contains(command, StringComparer.OrdinalIgnoreCase)) return SetAsync(turn, UiLanguage.Chinese, replace: false, cancellationToken);
        if (s_english.Contains(command, StringComparer.OrdinalIgnoreCase)) return SetAsync(turn, UiLanguage.English, replace: false, cancellationToken);
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

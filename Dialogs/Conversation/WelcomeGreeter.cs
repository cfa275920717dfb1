using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// The welcome: once per installation when the bot is added, and again on 帮助/help. In a 1:1 chat it is the member's
/// own card (admin buttons for admins); in a channel or group chat everyone sees it, so it has no admin buttons and
/// says to @mention the bot, since Teams only passes on messages that do.
/// </summary>
public sealed class WelcomeGreeter(IWelcomeLedger ledger, CommandCatalog catalog)
{
    /// <summary>Fallback for the @mention hint when Teams does not give the bot's name (the app's short name).</summary>
    public const string DefaultBotName = "机关党建助手";

    public async Task GreetOnceAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var conversationId = turn.Input.Conversation.Id;
        if (!await ledger.TryClaimAsync(conversationId, cancellationToken)) return;
        try
        {
            await SendAsync(turn, cancellationToken);
        }
        catch (ConnectorException)
        {
            await ledger.ReleaseAsync(conversationId, CancellationToken.None);
            throw;
        }
    }

    public Task SendAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        var card = input.Conversation.Kind == ConversationKind.Personal
            ? WelcomeCard.Build(input.Language, Buttons(input.Language, turn.IsAdmin))
            : WelcomeCard.BuildShared(input.Language, input.BotName is { Length: > 0 } name ? name : DefaultBotName);
        return turn.SendAsync(OutgoingMessage.FromCard(card), cancellationToken);
    }

    /// <summary>The welcome buttons the commands declare; admin-only ones for admins.</summary>
    private List<(string Title, string Text)> Buttons(UiLanguage language, bool isAdmin) =>
    [
        .. catalog.Commands
            .Where(c => c.WelcomeButton is not null && (!c.AdminOnly || isAdmin))
            .OrderBy(c => c.AdminOnly)
            .Select(c => (language.Pick(c.WelcomeButton!.Value.Chinese, c.WelcomeButton.Value.English), c.Name)),
    ];
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Decides who handles a turn, in a fixed order that is easy to read:
/// card actions by verb, 取消/cancel, help, typed commands, an open dialog, then the speech Q&amp;A.
/// It matches against the <see cref="CommandCatalog"/> and resolves from the turn's scope only the feature the turn is
/// for, so a question builds the Q&amp;A path and nothing else.
/// </summary>
public sealed partial class DialogRouter(
    CommandCatalog catalog,
    IServiceProvider services,
    ILogger<DialogRouter> logger)
{
    public async Task RouteAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var input = turn.Input;
        switch (input.Kind)
        {
            case TurnKind.BotAdded:
                await SendWelcomeAsync(turn, cancellationToken);
                return;
            case TurnKind.CardAction:
                await RouteCardActionAsync(turn, cancellationToken);
                return;
            case TurnKind.Message:
                await RouteTextAsync(turn, input.Text, cancellationToken);
                return;
            default:
                return;
        }
    }

    private async Task RouteCardActionAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var verb = turn.Input.Verb;
        if (verb == WelcomeCard.CommandVerb)
        {
            // Welcome buttons behave exactly like typing the command.
            await RouteTextAsync(turn, turn.Input.Data("text") ?? "", cancellationToken);
            return;
        }

        var feature = verb is null ? null : catalog.FindByVerb(verb);
        if (feature is null)
        {
            LogUnknownVerb(logger, verb);
            await turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
                "这个按钮已失效，请重新发送“帮助”查看可用功能。",
                "This button is no longer active. Send \"help\" to see what I can do.")), cancellationToken);
            return;
        }

        await Resolve(feature).HandleCardActionAsync(turn, cancellationToken);
    }

    private async Task RouteTextAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var command = text.Trim();
        if (command.Length == 0)
        {
            await SendWelcomeAsync(turn, cancellationToken);
            return;
        }

        if (catalog.FindCommand(command) is { } match)
        {
            await RunCommandAsync(turn, match, cancellationToken);
            return;
        }

        if (catalog.FindContinuation(command) is { } continuing && await Resolve(continuing).TryContinueAsync(turn, cancellationToken))
        {
            return;
        }

        if (services.GetService<IQuestionAnswerer>() is { } answerer)
        {
            await answerer.HandleQuestionAsync(turn, cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
            "抱歉，我没有理解您的意思。您可以发送“帮助”查看我能做什么。",
            "Sorry, I didn't understand that. Send \"help\" to see what I can do.")), cancellationToken);
    }

    private async Task RunCommandAsync(ITurnContext turn, CommandMatch match, CancellationToken cancellationToken)
    {
        if (match.Feature is { } feature)
        {
            await Resolve(feature).HandleCommandAsync(turn, match.Command, cancellationToken);
            return;
        }

        var language = turn.Input.Language;
        if (match.Command == RouterCommands.Cancel)
        {
            var cancelled = false;
            foreach (var withDialogs in catalog.Features.Where(f => f.HasDialogs))
            {
                cancelled |= await Resolve(withDialogs).CancelAsync(turn, cancellationToken);
            }

            await turn.SendAsync(OutgoingMessage.FromText(cancelled
                ? language.Pick("已取消。需要时随时找我。", "Cancelled. I'm here whenever you need me.")
                : language.Pick("当前没有进行中的操作。", "There is nothing in progress to cancel.")), cancellationToken);
            return;
        }

        if (match.Command == RouterCommands.Admin)
        {
            await turn.SendAsync(OutgoingMessage.FromText(turn.IsAdmin
                ? AdminHelp(language)
                : language.Pick("抱歉，管理功能仅对管理员开放。", "Sorry, admin features are for administrators only.")), cancellationToken);
            return;
        }

        await SendWelcomeAsync(turn, cancellationToken);
    }

    private IFeature Resolve(FeatureDeclaration feature) => services.GetRequiredKeyedService<IFeature>(feature.Name);

    private Task SendWelcomeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        var buttons = catalog.Commands
            .Where(c => c.WelcomeButton is not null && (!c.AdminOnly || turn.IsAdmin))
            .Select(c => (language.Pick(c.WelcomeButton!.Value.Chinese, c.WelcomeButton.Value.English), c.Name))
            .ToList();
        return turn.SendAsync(OutgoingMessage.FromCard(WelcomeCard.Build(language, buttons)), cancellationToken);
    }

    /// <summary>The admin-only commands with their help text, from the features' declarations.</summary>
    private string AdminHelp(UiLanguage language)
    {
        var lines = catalog.Commands
            .Where(c => c.AdminOnly && c != RouterCommands.Admin)
            .Select(c => language == UiLanguage.English && c.EnglishWord is { } word
                ? $"- {c.Name} ({word}): {c.HelpEnglish}"
                : language.Pick($"- {c.Name}：{c.HelpChinese}", $"- {c.Name}: {c.HelpEnglish}"));
        return language.Pick("管理员可用的命令：", "Admin commands:") + "\n\n" + string.Join("\n", lines);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Card action with unknown verb {Verb}")]
    private static partial void LogUnknownVerb(ILogger logger, string? verb);
}

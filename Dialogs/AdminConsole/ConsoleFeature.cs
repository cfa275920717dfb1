using OrganBot.Cards;
using OrganBot.Cards.AdminConsole;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Downloads;

namespace OrganBot.Dialogs.AdminConsole;

/// <summary>管理后台: hands an admin a one-time sign-in link to the web console (the same link service as the exports).</summary>
public sealed class ConsoleFeature(IDownloadLinks links) : IFeature
{
    public async Task HandleCommandAsync(ITurnContext turn, CommandDeclaration command, CancellationToken cancellationToken)
    {
        var language = turn.Input.Language;
        if (!turn.IsAdmin)
        {
            await turn.SendAsync(OutgoingMessage.FromText(language.Pick("抱歉，管理后台仅对管理员开放。", "Sorry, the admin console is for administrators only.")), cancellationToken);
            return;
        }

        var link = await links.CreateAsync(DownloadPurposes.ConsoleSignIn, DownloadPurposes.ConsoleSession, turn.Input.User.AadObjectId!, cancellationToken);
        await turn.SendAsync(OutgoingMessage.FromCard(ConsoleLinkCard.Build(link.Url.AbsoluteUri, link.Minutes, language)), cancellationToken);
    }

    public Task HandleCardActionAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick("这个按钮已失效，请重新发送“管理后台”。", "This button is no longer active. Send 管理后台 again.")), cancellationToken);
}

using Microsoft.Extensions.Logging;
using OrganBot.Cards;
using OrganBot.Cards.Welcome;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Decides who handles a turn, in a fixed order that is easy to read:
/// card actions by verb, 取消/cancel, help, typed commands, an open dialog, then the speech Q&amp;A.
/// </summary>
public sealed partial class DialogRouter(
    IEnumerable<IFeature> features,
    IEnumerable<IQuestionAnswerer> questionAnswerers,
    ILogger<DialogRouter> logger)
{
    private static readonly HashSet<string> s_helpWords = new(StringComparer.OrdinalIgnoreCase) { "帮助", "help", "?", "？", "菜单", "menu", "你好", "您好", "hi", "hello", "开始", "start" };
    private static readonly HashSet<string> s_cancelWords = new(StringComparer.OrdinalIgnoreCase) { "取消", "cancel", "退出", "quit" };
    private static readonly HashSet<string> s_adminWords = new(StringComparer.OrdinalIgnoreCase) { "管理", "admin" };

    private readonly IReadOnlyList<IFeature> _features = [.. features];
    private readonly IQuestionAnswerer? _questionAnswerer = questionAnswerers.LastOrDefault();

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

        var feature = verb is null ? null : _features.FirstOrDefault(f => verb.StartsWith(f.VerbPrefix, StringComparison.Ordinal));
        if (feature is null)
        {
            LogUnknownVerb(logger, verb);
            await turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
                "这个按钮已失效，请重新发送“帮助”查看可用功能。",
                "This button is no longer active. Send \"help\" to see what I can do.")), cancellationToken);
            return;
        }

        await feature.HandleCardActionAsync(turn, cancellationToken);
    }

    private async Task RouteTextAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var command = text.Trim();
        if (command.Length == 0)
        {
            await SendWelcomeAsync(turn, cancellationToken);
            return;
        }

        if (s_cancelWords.Contains(command))
        {
            var cancelled = false;
            foreach (var feature in _features)
            {
                cancelled |= await feature.CancelAsync(turn, cancellationToken);
            }

            await turn.SendAsync(OutgoingMessage.FromText(cancelled
                ? turn.Input.Language.Pick("已取消。需要时随时找我。", "Cancelled. I'm here whenever you need me.")
                : turn.Input.Language.Pick("当前没有进行中的操作。", "There is nothing in progress to cancel.")), cancellationToken);
            return;
        }

        if (s_helpWords.Contains(command))
        {
            await SendWelcomeAsync(turn, cancellationToken);
            return;
        }

        if (s_adminWords.Contains(command))
        {
            await turn.SendAsync(OutgoingMessage.FromText(turn.IsAdmin
                ? AdminHelp(turn.Input.Language)
                : turn.Input.Language.Pick("抱歉，管理功能仅对管理员开放。", "Sorry, admin features are for administrators only.")), cancellationToken);
            return;
        }

        foreach (var feature in _features)
        {
            if (IsCommandOf(feature, command))
            {
                await feature.HandleCommandAsync(turn, command, cancellationToken);
                return;
            }
        }

        foreach (var feature in _features)
        {
            if (await feature.TryContinueAsync(turn, cancellationToken))
            {
                return;
            }
        }

        if (_questionAnswerer is not null)
        {
            await _questionAnswerer.HandleQuestionAsync(turn, cancellationToken);
            return;
        }

        await turn.SendAsync(OutgoingMessage.FromText(turn.Input.Language.Pick(
            "抱歉，我没有理解您的意思。您可以发送“帮助”查看我能做什么。",
            "Sorry, I didn't understand that. Send \"help\" to see what I can do.")), cancellationToken);
    }

    /// <summary>Case-insensitive match without LINQ's boxed enumerator (runs for every feature on every text turn).</summary>
    private static bool IsCommandOf(IFeature feature, string command)
    {
        if (feature.Commands is string[] words)
        {
            foreach (var word in words)
            {
                if (string.Equals(word, command, StringComparison.OrdinalIgnoreCase)) return true;
            }

            return false;
        }

        return feature.Commands.Contains(command, StringComparer.OrdinalIgnoreCase);
    }

    private static Task SendWelcomeAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendAsync(OutgoingMessage.FromCard(WelcomeCard.Build(turn.Input.Language, turn.IsAdmin)), cancellationToken);

    private static string AdminHelp(UiLanguage language) => language.Pick(
        "管理员可用的命令：\n\n- 发布公告：撰写、预览并发送公告\n- 提醒管理：设置主题党日等活动提醒\n- 反馈列表 / 导出反馈：处理暖心工程反馈\n- 设为反馈处理频道：在频道中发送，新反馈将推送到该频道\n- 问答统计：查看问答点赞情况\n- 管理后台：获取管理后台（统计图表）的登录链接",
        "Admin commands:\n\n- 发布公告 (announce): compose, preview and send an announcement\n- 提醒管理 (reminders): set up Theme Party Day and other event reminders\n- 反馈列表 / 导出反馈 (feedback list / export): handle warm-heart project feedback\n- 设为反馈处理频道: send in a channel to receive new feedback there\n- 问答统计 (Q&A stats): see how answers were rated\n- 管理后台 (admin console): a sign-in link to the console with charts");

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Card action with unknown verb {Verb}")]
    private static partial void LogUnknownVerb(ILogger logger, string? verb);
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using OrganBot.Cards;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>
/// Writes a short answer with Azure OpenAI strictly from the retrieved passages. Returns null on timeout or error so
/// the extractive answer is used; the caller validates citations and quotations.
/// </summary>
internal sealed partial class AzureOpenAIAnswerGenerator : IAnswerGenerator
{
    private readonly ChatClient _chat;
    private readonly TimeSpan _timeout;
    private readonly ILogger<AzureOpenAIAnswerGenerator> _logger;

    public AzureOpenAIAnswerGenerator(IOptions<KnowledgeOptions> options, IHttpClientFactory httpClients, ILogger<AzureOpenAIAnswerGenerator> logger)
    {
        var settings = options.Value.AzureOpenAI;
        _timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        _logger = logger;
        var clientOptions = new AzureOpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(nameof(AzureOpenAIAnswerGenerator))),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = _timeout,
        };
        var endpoint = new Uri(settings.Endpoint!);
        var client = string.IsNullOrEmpty(settings.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), clientOptions);
        _chat = client.GetChatClient(settings.Deployment);
    }

    public async Task<string?> GenerateAsync(string question, UiLanguage language, IReadOnlyList<KnowledgeCitation> passages, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var completion = await _chat.CompleteChatAsync(
                [new SystemChatMessage(Instructions(language)), new UserChatMessage(Prompt(question, passages))],
                new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = 400 },
                timeout.Token);
            return completion.Value.Content.Count > 0 ? completion.Value.Content[0].Text : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(_logger, _timeout.TotalSeconds);
            return null;
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or InvalidOperationException or Azure.Identity.AuthenticationFailedException or System.Text.Json.JsonException)
        {
            LogFailed(_logger, ex.GetType().Name);
            return null;
        }
    }

    internal static string Instructions(UiLanguage language) => language == UiLanguage.English
        ? "You answer questions about one speech for staff of a People's Congress standing-committee office. Use ONLY the numbered passages. " +
          "Answer in English in at most three sentences, citing passages as [1], [2]. Quote the speech's formulations in Chinese exactly, inside “ ”. " +
          "If the passages do not answer the question, reply exactly: NOT_COVERED"
        : "你为人大常委会机关的党员干部解答一篇讲话的内容。只能依据下面编号的原文段落作答，不得引入段落以外的任何信息。" +
          "用简体中文作答，不超过三句话，用[1]、[2]标注出处。引用讲话提法时必须放在“”内并逐字照录。" +
          "如果段落不能回答问题，只回复：NOT_COVERED";

    internal static string Prompt(string question, IReadOnlyList<KnowledgeCitation> passages)
    {
        var prompt = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            prompt.Append('[').Append(i + 1).Append("] ").Append(passages[i].Label).Append('：').AppendLine(passages[i].Text);
        }

        prompt.AppendLine().Append("问题 / Question: ").Append(question);
        return prompt.ToString();
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Azure OpenAI did not answer within {Seconds} s; extractive answer used")]
    private static partial void LogTimeout(ILogger logger, double seconds);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Azure OpenAI call failed ({Error}); extractive answer used")]
    private static partial void LogFailed(ILogger logger, string error);
}

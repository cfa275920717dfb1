using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using OrganBot.Cards;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>
/// The optional chat model (Azure OpenAI, or any OpenAI-compatible server through the same <c>Knowledge:AzureOpenAI</c>
/// section): rewrites a missed question into the speech's vocabulary for retrieval, and writes a short answer strictly
/// from the retrieved passages. Returns null on timeout or error so retrieval and the extractive answer stand; the
/// caller validates citations and quotations.
/// </summary>
internal sealed partial class OpenAIChatModel : IAnswerGenerator, IQuestionRewriter
{
    private const int MaxRewriteLength = 100;

    private readonly ChatClient _chat;
    private readonly TimeSpan _timeout;
    private readonly bool _rewrite;
    private readonly ILogger<OpenAIChatModel> _logger;

    public OpenAIChatModel(IOptions<KnowledgeOptions> options, IHttpClientFactory httpClients, ILogger<OpenAIChatModel> logger)
    {
        var settings = options.Value.AzureOpenAI;
        _timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        _rewrite = settings.RewriteQuestions;
        _logger = logger;
        var transport = new HttpClientPipelineTransport(httpClients.CreateClient(nameof(OpenAIChatModel)));
        var endpoint = new Uri(settings.Endpoint!);
        if (settings.Provider == AzureOpenAIOptions.OpenAICompatible)
        {
            // Self-hosted servers (vLLM, Ollama, LocalAI …) speak the OpenAI API at their own base URL; most ignore the key.
            var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? "none" : settings.ApiKey), new OpenAIClientOptions
            {
                Endpoint = endpoint,
                Transport = transport,
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = _timeout,
            });
            _chat = client.GetChatClient(settings.Deployment);
            return;
        }

        var azureOptions = new AzureOpenAIClientOptions
        {
            Transport = transport,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = _timeout,
        };
        var azure = string.IsNullOrEmpty(settings.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), azureOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), azureOptions);
        _chat = azure.GetChatClient(settings.Deployment);
    }

    public Task<string?> GenerateAsync(string question, UiLanguage language, IReadOnlyList<KnowledgeCitation> passages, CancellationToken cancellationToken) =>
        CompleteAsync(Instructions(language), Prompt(question, passages), 400, cancellationToken);

    public async Task<string?> RewriteAsync(string question, CancellationToken cancellationToken)
    {
        if (!_rewrite) return null;
        var text = await CompleteAsync(RewriteInstructions, question, 80, cancellationToken);
        // One line, short, and not the refusal marker: anything else is ignored.
        var line = text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is { Length: > 0 and <= MaxRewriteLength } && !line.Contains("NOT_COVERED", StringComparison.Ordinal) ? line : null;
    }

    private async Task<string?> CompleteAsync(string instructions, string prompt, int maxTokens, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            var completion = await _chat.CompleteChatAsync(
                [new SystemChatMessage(instructions), new UserChatMessage(prompt)],
                new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = maxTokens },
                timeout.Token);
            return completion.Value.Content.Count > 0 ? completion.Value.Content[0].Text : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(_logger, _timeout.TotalSeconds);
            return null;
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or InvalidOperationException or AuthenticationFailedException or System.Text.Json.JsonException)
        {
            LogFailed(_logger, ex.GetType().Name);
            return null;
        }
    }

    internal const string RewriteInstructions =
        "你帮助检索一篇关于机关党建和群团工作的讲话。把用户的问题改写成讲话可能使用的正式书面用语（中文，一句话，不超过40字），" +
        "保留问题的意思，不要回答问题，不要添加问题里没有的内容。英文问题也改写成中文。只输出改写后的问题。";

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

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "The chat model did not answer within {Seconds} s; retrieval / extractive answer used")]
    private static partial void LogTimeout(ILogger logger, double seconds);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "The chat model call failed ({Error}); retrieval / extractive answer used")]
    private static partial void LogFailed(ILogger logger, string error);
}

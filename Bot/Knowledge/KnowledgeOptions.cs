using System.ComponentModel.DataAnnotations;

namespace OrganBot.Bot.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
internal sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The speech to answer from; relative paths are under the app's base directory.</summary>
    [Required]
    public string SpeechPath { get; set; } = "seeds/speech.txt";

    /// <summary>Who members should ask about what the speech does not cover, named on the 讲话未涉及 card.</summary>
    [MaxLength(100)]
    public string OfficeContact { get; set; } = "";

    public AzureOpenAIOptions AzureOpenAI { get; set; } = new();
}

/// <summary>
/// <c>Knowledge:AzureOpenAI</c>: a chat model for question rewriting and generated answers when Endpoint and
/// Deployment are set — Azure OpenAI, or any OpenAI-compatible server (<c>Provider = OpenAICompatible</c>).
/// </summary>
internal sealed class AzureOpenAIOptions
{
    public const string Azure = "Azure";
    public const string OpenAICompatible = "OpenAICompatible";

    /// <summary><c>Azure</c> (default) or <c>OpenAICompatible</c> (a self-hosted server speaking /v1/chat/completions).</summary>
    [AllowedValues(Azure, OpenAICompatible)]
    public string Provider { get; set; } = Azure;

    /// <summary>Azure: the resource URL; OpenAI-compatible: the API base, e.g. <c>http://10.1.2.3:8000/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Azure: the chat deployment; OpenAI-compatible: the model name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Let the model rewrite a question the speech's words did not reach into the speech's vocabulary, then retrieve again.</summary>
    public bool RewriteQuestions { get; set; } = true;

    /// <summary>API key (a secret: user-secrets or environment). Empty means Entra identity (DefaultAzureCredential) for Azure, no key for an OpenAI-compatible server.</summary>
    public string? ApiKey { get; set; }

    /// <summary>After this many seconds the extractive answer is sent instead.</summary>
    [Range(0.1, 60)]
    public double TimeoutSeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);
}

using System.ComponentModel.DataAnnotations;

namespace OrganBot.Bot.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>.</summary>
internal sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The speech to answer from; relative paths are under the app's base directory.</summary>
    [Required]
    public string SpeechPath { get; set; } = "seeds/speech.txt";

    public AzureOpenAIOptions AzureOpenAI { get; set; } = new();
}

/// <summary><c>Knowledge:AzureOpenAI</c>: generative answers when Endpoint and Deployment are set.</summary>
internal sealed class AzureOpenAIOptions
{
    public string? Endpoint { get; set; }

    public string? Deployment { get; set; }

    /// <summary>API key (a secret: user-secrets or environment). Empty means Entra identity (DefaultAzureCredential).</summary>
    public string? ApiKey { get; set; }

    /// <summary>After this many seconds the extractive answer is sent instead.</summary>
    [Range(0.1, 60)]
    public double TimeoutSeconds { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);
}

using OrganBot.Cards;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Optional generative answering (Azure OpenAI). Gets only the retrieved passages; returns the raw model text, or
/// null on timeout or error. <see cref="GeneratedAnswerValidator"/> decides whether it may be shown.
/// </summary>
public interface IAnswerGenerator
{
    Task<string?> GenerateAsync(string question, UiLanguage language, IReadOnlyList<KnowledgeCitation> passages, CancellationToken cancellationToken);
}

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Optional (an OpenAI-compatible model): rewrites a question the speech's words did not reach into the speech's
/// vocabulary, for retrieval only. Returns null on timeout, error or when the model has nothing better.
/// </summary>
public interface IQuestionRewriter
{
    Task<string?> RewriteAsync(string question, CancellationToken cancellationToken);
}

using System.Text.Json.Serialization;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>One line of a Q&amp;A evaluation set: a citation is correct when its text contains one of the gold substrings.</summary>
public sealed record EvaluationQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("gold")] IReadOnlyList<string> Gold,
    [property: JsonPropertyName("kind")] string Kind);

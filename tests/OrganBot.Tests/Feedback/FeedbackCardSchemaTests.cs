using Json.Schema;
using OrganBot.Tests.Cards;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

/// <summary>Checks the feedback card samples against the Adaptive Cards 1.5 schema (the shared validation test covers the parser too).</summary>
public sealed class FeedbackCardSchemaTests
{
    public static TheoryData<string> SampleNames() => [.. new FeedbackCardSamples().Samples().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void FeedbackCard_Sample_IsValidAdaptiveCard15(string name)
    {
        var schemaPath = RepoPaths.SharedSchema("adaptive-card-1.5.schema.json", out var skip);
        Assert.SkipWhen(schemaPath is null, skip);
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath!));
        var card = new FeedbackCardSamples().Samples().Single(s => s.Name == name).Card;

        using var document = System.Text.Json.JsonDocument.Parse(card.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.True(System.Text.Encoding.Unicode.GetByteCount(card.ToJsonString()) < 80 * 1024);
    }
}

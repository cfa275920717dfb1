using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrganBot.Bot.Protocol;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Cards;

/// <summary>
/// Every card registered by an <see cref="ICardSamples"/> implementation must validate against the Adaptive Cards 1.5
/// schema, parse without a single event in the official adaptivecards library, and stay under 80 KB on the wire.
/// </summary>
public sealed class CardValidationTests
{
    /// <summary>Teams refuses messages above about 100 KB; cards stay well under it.</summary>
    private const int MaxCardBytes = 80 * 1024;

    private static readonly Lazy<IReadOnlyDictionary<string, CardSample>> s_samples = new(LoadSamples);
    private static readonly Lazy<JsonSchema?> s_schema = new(LoadSchema);
    private static readonly Lazy<Task<IReadOnlyDictionary<string, string[]>>> s_parserEvents = new(RunParserAsync);

    public static TheoryData<string> SampleNames => [.. s_samples.Value.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void CardSamples_Registry_FindsSamples()
    {
        var owners = SampleProviders().Select(t => t.Name).ToList();

        Assert.NotEmpty(owners);
        Assert.Contains(nameof(WelcomeCardSamples), owners);
        Assert.NotEmpty(s_samples.Value);
    }

    [Fact]
    public void CardSamples_Names_AreUnique()
    {
        var names = SampleProviders().SelectMany(t => Create(t).Samples()).Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Card_Schema_ValidatesAgainstAdaptiveCards15(string sample)
    {
        var schema = s_schema.Value;
        Assert.SkipWhen(schema is null, SchemaSkipReason);
        var card = s_samples.Value[sample].Card;

        var result = schema.Evaluate(JsonSerializer.SerializeToElement(card), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, $"{sample} is not a valid Adaptive Card 1.5:\n{Describe(result)}\n{card.Readable()}");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Card_OfficialParser_ReportsNoEvents(string sample)
    {
        var skip = RepoPaths.NodeSkipReason("adaptivecards");
        Assert.SkipWhen(skip is not null, skip ?? "");

        var events = (await s_parserEvents.Value)[sample];

        Assert.True(events.Length == 0, $"adaptivecards 3.0.6 reported for {sample}:\n{string.Join('\n', events)}");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Card_Payload_StaysUnder80KB(string sample)
    {
        // Measured as the bot sends it (its wire JSON options escape non-ASCII text, the larger form).
        var bytes = Encoding.UTF8.GetByteCount(s_samples.Value[sample].Card.ToJsonString(BotJson.Options));

        Assert.True(bytes < MaxCardBytes, $"{sample} is {bytes} bytes; cards must stay under {MaxCardBytes}.");
    }

    private static string SchemaSkipReason
    {
        get
        {
            RepoPaths.SharedSchema(SchemaFile, out var reason);
            return reason;
        }
    }

    private const string SchemaFile = "adaptive-card-1.5.schema.json";

    private static IEnumerable<Type> SampleProviders() =>
        typeof(ICardSamples).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICardSamples).IsAssignableFrom(t));

    private static ICardSamples Create(Type provider) =>
        (ICardSamples)(Activator.CreateInstance(provider)
            ?? throw new InvalidOperationException($"{provider.Name} needs a public parameterless constructor."));

    private static IReadOnlyDictionary<string, CardSample> LoadSamples()
    {
        var samples = new Dictionary<string, CardSample>(StringComparer.Ordinal);
        foreach (var provider in SampleProviders())
        {
            foreach (var sample in Create(provider).Samples())
            {
                samples.TryAdd(sample.Name, sample);
            }
        }

        return samples;
    }

    private static JsonSchema? LoadSchema()
    {
        var path = RepoPaths.SharedSchema(SchemaFile, out _);
        return path is null ? null : JsonSchema.FromText(File.ReadAllText(path));
    }

    /// <summary>Only the innermost failures: anyOf over every element type makes the full list unreadable.</summary>
    private static string Describe(EvaluationResults result)
    {
        var lines = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .Distinct()
            .Take(25);
        return string.Join('\n', lines);
    }

    /// <summary>One node process parses every sample (starting node per card would cost seconds).</summary>
    private static async Task<IReadOnlyDictionary<string, string[]>> RunParserAsync()
    {
        var batch = new JsonArray([.. s_samples.Value.Values.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name,
            ["card"] = s.Card.DeepClone(),
        })]);
        var start = new ProcessStartInfo(RepoPaths.Node!, Path.Combine(RepoPaths.NodeTools, "parse-cards.js"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(batch.ToJsonString());
        node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        if (node.ExitCode != 0) throw new InvalidOperationException($"parse-cards.js failed ({node.ExitCode}): {await error}");

        var results = JsonNode.Parse(await output)!.AsArray();
        return results.ToDictionary(
            r => r!["name"]!.GetValue<string>(),
            r => r!["events"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray(),
            StringComparer.Ordinal);
    }
}

namespace OrganBot.Tests.Hosting;

/// <summary>
/// The bot's meter is process-wide, so tests that count its measurements run alone, after the parallel ones: then
/// every measurement a test reads came from that test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

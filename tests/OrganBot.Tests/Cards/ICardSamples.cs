using System.Text.Json.Nodes;

namespace OrganBot.Tests.Cards;

/// <summary>
/// Every card the bot can send must be listed by some implementation of this interface (one per feature,
/// e.g. <c>FeedbackCardSamples</c>). The card validation tests find them all by reflection and check each
/// against the Adaptive Cards 1.5 schema, the official adaptivecards parser and the 80 KB size limit.
/// </summary>
public interface ICardSamples
{
    IEnumerable<CardSample> Samples();
}

public sealed record CardSample(string Name, JsonObject Card)
{
    public override string ToString() => Name;
}

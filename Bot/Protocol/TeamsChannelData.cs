using System.Text.Json.Nodes;

namespace OrganBot.Bot.Protocol;

/// <summary>
/// The fields of a Teams activity's <c>channelData</c> the bot uses, read defensively: a field of the wrong JSON type
/// is treated as absent (docs/protocol.md §1.3), so nothing wrong-typed is stored or routed on.
/// </summary>
internal sealed record TeamsChannelData(string? TenantId, string? TeamId, string? TeamName, string? TeamAadGroupId, string? ChannelId)
{
    public static TeamsChannelData From(JsonNode? channelData)
    {
        var team = channelData.Member("team");
        return new TeamsChannelData(
            channelData.Member("tenant").Member("id").AsString(),
            team.Member("id").AsString(),
            team.Member("name").AsString(),
            team.Member("aadGroupId").AsString(),
            channelData.Member("channel").Member("id").AsString());
    }
}

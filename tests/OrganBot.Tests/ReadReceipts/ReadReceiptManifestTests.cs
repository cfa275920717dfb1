using System.Text.Json.Nodes;
using OrganBot.Bot.Cli;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.ReadReceipts;

/// <summary>
/// Teams sends read receipts only to apps granted the RSC permission ChatMessageReadReceipt.Read.Chat; the whole manifest
/// is validated against the 1.29 schema by AppPackageTests, this checks the permission is the one the feature needs.
/// </summary>
public sealed class ReadReceiptManifestTests
{
    [Fact]
    public void Manifest_RequestsReadReceiptPermissionForTheBotsApp()
    {
        var botId = Guid.Parse("6f1b2c3d-1111-2222-3333-444455556666");
        var manifest = JsonNode.Parse(AppPackage.Render(File.ReadAllText(Path.Combine(RepoPaths.Root, "appPackage", AppPackage.ManifestFile)), AppPackage.Values(botId)))!;

        var permissions = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray();

        Assert.Contains(permissions, p => p!["name"]!.GetValue<string>() == "ChatMessageReadReceipt.Read.Chat" && p["type"]!.GetValue<string>() == "Application");
        Assert.Equal(botId.ToString(), manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
    }
}

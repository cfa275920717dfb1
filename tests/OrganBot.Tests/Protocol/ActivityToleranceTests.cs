using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrganBot.Bot.Protocol;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Protocol;

/// <summary>Receivers must accept unknown fields and types (docs/protocol.md §1.1); the bot stays quiet where nothing was asked.</summary>
public sealed class ActivityToleranceTests : BotTestBase
{
    [Theory]
    [InlineData("typing")]
    [InlineData("event")]
    [InlineData("messageReaction")]
    [InlineData("someFutureType")]
    public async Task NonMessageActivity_IsAcceptedAndAnsweredWithSilence(string type)
    {
        var activity = Activities.Base(type, Connector.ServiceUrl);
        if (type == "messageReaction")
        {
            activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
            activity["replyToId"] = "msg-1";
        }

        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A later message still gets its reply, so nothing queued up for the silent one.
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), TestContext.Current.CancellationToken);
        var reply = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.NotNull(reply.Card);
    }

    [Fact]
    public async Task Message_WithUnknownFields_IsHandledNormally()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助");
        activity["futureField"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        activity["from"]!["futureAccountField"] = "x";

        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Connector.WaitForSendsAsync(1));
    }

    [Fact]
    public void Activity_UnknownFields_SurviveARoundTrip()
    {
        const string json = """
            {"type":"message","id":"1","text":"hi","futureField":{"a":[1,2]},"from":{"id":"29:x","futureAccountField":"y"},
             "conversation":{"id":"a:1","futureConversationField":true},"channelData":{"tenant":{"id":"t"},"custom":1}}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written.ToJsonString());
    }
}

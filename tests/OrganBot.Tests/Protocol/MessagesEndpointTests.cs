using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Protocol;

public sealed class MessagesEndpointTests : BotTestBase
{
    [Fact]
    public async Task Message_Help_RepliesWithWelcomeCardOnReplyPath()
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助");

        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.Equal($"/v3/conversations/{Activities.ConversationId}/activities/{activity["id"]}", reply.Path);
        Assert.Equal(Activities.BotId, reply.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.UserId, reply.Body!["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.ConversationId, reply.Body!["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.Body!["replyToId"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", reply.Card!["type"]!.GetValue<string>());
        Assert.Contains("欢迎", reply.Card.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAdded_SendsWelcomeCard()
    {
        var response = await Bot.PostActivityAsync(Activities.BotAdded(Connector.ServiceUrl), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.NotNull(reply.Card);
    }

    [Fact]
    public async Task Message_EnglishLocale_RepliesInEnglish()
    {
        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "help", locale: "en-US"), TestContext.Current.CancellationToken);

        var reply = Assert.Single(await Connector.WaitForSendsAsync(1));
        Assert.Contains("Welcome to OrganBot", reply.Card!.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_Returns400ProblemAndSendsNothing()
    {
        using var content = new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        var activity = Activities.Message(Connector.ServiceUrl, new string('长', 100_000));

        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    [InlineData("type")]
    public async Task ActivityMissingRequiredField_Returns400(string field)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助");
        activity.Remove(field);

        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Calls);
        var health = await Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Invoke_WelcomeButton_ReturnsInvokeResponseBody()
    {
        var activity = Activities.Execute(Connector.ServiceUrl, "command", new JsonObject { ["text"] = "帮助" });

        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.NotNull(body["type"]);
    }
}

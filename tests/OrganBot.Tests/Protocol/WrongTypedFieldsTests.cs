using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Protocol;

/// <summary>
/// Fields of the wrong JSON type are read defensively at the edge: tolerated and ignored (nothing wrong-typed is stored),
/// or refused with a 400 problem and nothing stored. Never a 500.
/// </summary>
public sealed class WrongTypedFieldsTests : BotTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> TolerantMutations =>
    [
        "channelData.team.id=5", "channelData=string", "channelData=array", "channelData.tenant.id={}", "channelData.team=string",
        "channelData.channel=array", "mentioned=string", "entities.mention.text=5", "entities.mention.text=empty", "membersAdded=[null]",
        "conversation.conversationType=unknown",
    ];

    [Theory]
    [MemberData(nameof(TolerantMutations))]
    public async Task WrongTypedField_ToleratedAndIgnored_MessageAnswered(string mutation)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: "a:typed");
        Apply(activity, mutation);

        var response = await Bot.PostActivityAsync(activity, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Connector.WaitForSendsAsync(1));
        var stored = await ConversationAsync("a:typed");
        Assert.NotNull(stored);
        Assert.Null(stored.TeamId);
        Assert.Equal(Activities.TenantId, stored.TenantId);
        Assert.Contains(stored.ConversationType, new[] { "personal", "groupChat", "channel" });
    }

    public static TheoryData<string> InvokeValues => ["\"x\"", "[1,2]", "{\"action\":\"x\"}", "{\"action\":{\"data\":\"x\",\"verb\":5}}", "{\"action\":[null]}", "null"];

    [Theory]
    [MemberData(nameof(InvokeValues))]
    public async Task InvokeWithWrongTypedValue_AnsweredNot500(string value)
    {
        var activity = Activities.Execute(Connector.ServiceUrl, "help", []);
        activity["value"] = JsonNode.Parse(value);

        var response = await Bot.PostActivityAsync(activity, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> RefusedMutations => new()
    {
        { "from.id has NUL", "a:refused-1" },
        { "conversation.id too long", "a:refused-2" },
        { "from.aadObjectId too long", "a:refused-3" },
        { "channelData.team.name has NUL", "a:refused-4" },
        { "id too long", "a:refused-5" },
    };

    [Theory]
    [MemberData(nameof(RefusedMutations))]
    public async Task UnstorableField_400Problem_NothingStored(string mutation, string conversationId)
    {
        var activity = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: conversationId);
        switch (mutation)
        {
            case "from.id has NUL": activity["from"]!["id"] = "29:a\u0000b"; break;
            case "conversation.id too long": activity["conversation"]!["id"] = conversationId + new string('x', 600); break;
            case "from.aadObjectId too long": activity["from"]!["aadObjectId"] = new string('a', 65); break;
            case "channelData.team.name has NUL": activity["channelData"]!["team"] = new JsonObject { ["id"] = "19:t", ["name"] = "a\u0000" }; break;
            case "id too long": activity["id"] = new string('1', 300); break;
        }

        var response = await Bot.PostActivityAsync(activity, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await ConversationAsync(conversationId));
        await using var scope = Bot.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<BotDbContext>().Members.CountAsync(Ct));
    }

    [Fact]
    public async Task InvalidUtf8_400Problem()
    {
        var json = Activities.Message(Connector.ServiceUrl, "@@", conversationId: "a:utf8").ToJsonString();
        var at = json.IndexOf("@@", StringComparison.Ordinal);
        // A lone continuation byte and an overlong '/' where the text should be.
        byte[] body = [.. Encoding.UTF8.GetBytes(json[..at]), 0x80, 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(json[(at + 2)..])];

        var response = await PostRawAsync(body, "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await ConversationAsync("a:utf8"));
    }

    [Theory]
    [InlineData("channelData", false)]
    [InlineData("value", false)]
    [InlineData("channelData", true)]
    [InlineData("entities", true)]
    public async Task BadTextInAnUntypedField_NeverA500_InvalidUtf8Refused(string field, bool escapedSurrogate)
    {
        // channelData, value and entities are parsed lazily: their text used to fail only where the turn read it (a 500).
        var json = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: "a:untyped").ToJsonString();
        var marker = field switch
        {
            "channelData" => "\"channelData\":{",
            "value" => "\"textFormat\":\"plain\"",
            _ => "\"locale\":",
        };
        var insert = field switch
        {
            "channelData" => "\"team\":{\"name\":\"@@\"},",
            "value" => ",\"value\":{\"verb\":\"@@\"}",
            _ => "\"entities\":[{\"type\":\"mention\",\"text\":\"@@\"}],\"locale\":",
        };
        json = json.Replace(marker, field == "entities" ? insert : marker + insert, StringComparison.Ordinal);
        var at = json.IndexOf("@@", StringComparison.Ordinal);
        byte[] bad = escapedSurrogate ? Encoding.UTF8.GetBytes("\\uD800") : [0xED, 0xA0, 0x80];
        byte[] body = [.. Encoding.UTF8.GetBytes(json[..at]), .. bad, .. Encoding.UTF8.GetBytes(json[(at + 2)..])];

        var response = await PostRawAsync(body, "application/json");

        // Invalid UTF-8 is refused; an escaped lone surrogate may be tolerated, but never a 500.
        if (escapedSurrogate) Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        else Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (response.StatusCode == HttpStatusCode.BadRequest) Assert.Null(await ConversationAsync("a:untyped"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task NotJsonContentType_415(string contentType)
    {
        var response = await PostRawAsync(Encoding.UTF8.GetBytes(Activities.Message(Connector.ServiceUrl, "帮助").ToJsonString()), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task Fuzz_2000SeededMutations_No5xxNoCrash()
    {
        var report = await ActivityFuzzer.RunAsync(Client, new Uri(Bot.BaseAddress, "/api/messages"), Connector.ServiceUrl, count: 2000, seed: 20261202,
            timeLimit: TimeSpan.FromMinutes(3), concurrency: 4, progress: _ => Connector.Clear(), cancellationToken: Ct);

        Assert.True(report.ServerErrors == 0 && report.Crashes == 0, string.Join("\n", report.Samples));
        Assert.True(report.NotImplemented > 0, "some mutations leave an invoke with a well-formed name the bot does not implement");
        Assert.Equal(2000, report.Sent);
        Assert.True(report.Ok > 100, $"only {report.Ok} accepted: the mutations should leave many activities valid");
        using var health = await Client.GetAsync("/healthz", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<HttpResponseMessage> PostRawAsync(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Client.PostAsync("/api/messages", content, Ct);
    }

    private async Task<ConversationRecord?> ConversationAsync(string id)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, Ct);
    }

    private static void Apply(JsonObject activity, string mutation)
    {
        var channelData = activity["channelData"]!.AsObject();
        switch (mutation)
        {
            case "channelData.team.id=5": channelData["team"] = new JsonObject { ["id"] = 5, ["name"] = 7 }; break;
            case "channelData=string": activity["channelData"] = "x"; break;
            case "channelData=array": activity["channelData"] = new JsonArray(1, "team"); break;
            case "channelData.tenant.id={}": channelData["tenant"] = new JsonObject { ["id"] = new JsonObject() }; break;
            case "channelData.team=string": channelData["team"] = "19:team"; break;
            case "channelData.channel=array": channelData["channel"] = new JsonArray("19:x"); break;
            case "mentioned=string":
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>OrganBot</at>", ["mentioned"] = Activities.BotId });
                break;
            case "entities.mention.text=5":
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = 5, ["mentioned"] = new JsonObject { ["id"] = Activities.BotId } });
                break;
            case "entities.mention.text=empty":
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "", ["mentioned"] = new JsonObject { ["id"] = Activities.BotId } });
                break;
            case "membersAdded=[null]": activity["membersAdded"] = new JsonArray(null, new JsonObject { ["id"] = "29:new" }); break;
            case "conversation.conversationType=unknown": activity["conversation"]!["conversationType"] = "spaceship"; break;
        }
    }
}

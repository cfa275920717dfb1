using System.Text.Json.Nodes;

namespace OrganBot.Bench;

/// <summary>
/// The floor cost of a turn: a bare minimal API that parses the activity and posts one reply to the connector,
/// with no auth, storage, routing or cards. Runs as its own process, like the bot.
/// </summary>
internal static class EchoServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddHttpClient("connector");
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapPost("/api/messages", async (HttpRequest request, IHttpClientFactory clients, CancellationToken cancellationToken) =>
        {
            var activity = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
            var serviceUrl = activity?["serviceUrl"]?.GetValue<string>();
            var conversation = activity?["conversation"];
            var id = activity?["id"]?.GetValue<string>();
            if (serviceUrl is null || conversation is null || id is null) return Results.BadRequest();

            var reply = new JsonObject
            {
                ["type"] = "message",
                ["text"] = "Echo: " + activity!["text"]?.GetValue<string>(),
                ["from"] = activity["recipient"]?.DeepClone(),
                ["recipient"] = activity["from"]?.DeepClone(),
                ["conversation"] = conversation.DeepClone(),
                ["replyToId"] = id,
            };
            var conversationId = Uri.EscapeDataString(conversation["id"]!.GetValue<string>());
            using var response = await clients.CreateClient("connector").PostAsJsonAsync(
                $"{serviceUrl.TrimEnd('/')}/v3/conversations/{conversationId}/activities/{Uri.EscapeDataString(id)}", reply, cancellationToken);
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }
}

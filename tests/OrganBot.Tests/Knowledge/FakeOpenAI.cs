using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrganBot.Tests.Knowledge;

/// <summary>
/// A chat-completions endpoint on loopback that records each request: the Azure URL shape and the plain OpenAI-compatible
/// one (<c>/v1/chat/completions</c>, as self-hosted servers serve it).
/// </summary>
internal sealed class FakeOpenAI : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeOpenAI(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<(string Path, JsonNode? Body)> Requests { get; } = new();

    /// <summary>The assistant message to return; null makes the endpoint never answer (until the client gives up).</summary>
    public string? Reply { get; set; }

    /// <summary>Replies used first, one per request, before <see cref="Reply"/>.</summary>
    public ConcurrentQueue<string> Replies { get; } = new();

    public static async Task<FakeOpenAI> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenAI(app);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (Delegate)fake.HandleAsync);
        app.MapPost("/v1/chat/completions", (Delegate)fake.HandleAsync);
        await app.StartAsync();
        fake.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return fake;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue((context.Request.Path.Value ?? "", body));
        var reply = Replies.TryDequeue(out var next) ? next : Reply;
        if (reply is null)
        {
            await _never.Task.WaitAsync(context.RequestAborted);
        }

        return Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_790_000_000,
            ["model"] = "gpt-4o",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        _never.TrySetCanceled();
        await _app.DisposeAsync();
    }
}

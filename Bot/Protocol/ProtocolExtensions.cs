using Microsoft.Extensions.Http.Resilience;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Turns;
using OrganBot.Dialogs.Conversation;
using Polly;

namespace OrganBot.Bot.Protocol;

internal static class ProtocolExtensions
{
    /// <summary>The named HttpClient of the interactive connector client (turn replies, proactive sends).</summary>
    public const string HttpClientName = "connector";

    public static IHostApplicationBuilder AddBotProtocol(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // One handler chain for the life of the process (the client below is a singleton); connections are still
            // renewed every few minutes, so DNS changes of the connector are picked up. The connector never redirects
            // or sets cookies: skipping both saves the redirect handler and a cookie lookup on every call.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Failures surface as ConnectorException and are logged by the caller with the activity's context; the
            // factory's per-request log scopes and lines cost a measurable share of every turn.
            .RemoveAllLoggers()
            .AddHttpMessageHandler<ConnectorAuthHandler>()
            .AddHttpMessageHandler(sp => new ConnectorRetryHandler(BuildResilience(sp.GetRequiredService<TimeProvider>())));
        // A singleton on one pooled HttpClient: a typed client was activated (client, wrapper, ConnectorClient) per scope.
        builder.Services.AddSingleton(sp => new ConnectorClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<TurnProcessor>();
        builder.Services.AddScoped<ProactiveMessenger>();
        builder.Services.AddScoped<IProactiveMessenger>(sp => sp.GetRequiredService<ProactiveMessenger>());
        return builder;
    }

    /// <summary>
    /// Retries only what the connector says is safe to repeat: 429 (after Retry-After), 412 and 502/503/504.
    /// A timeout or dropped connection is not retried here: the activity may have been delivered, and
    /// re-posting it would message the member twice. Callers with an outbox decide.
    /// </summary>
    internal static ResiliencePipeline<HttpResponseMessage> BuildResilience(TimeProvider time)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response
                && (int)response.StatusCode is 412 or 429 or 502 or 503 or 504),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(30));
        return pipeline.Build();
    }
}

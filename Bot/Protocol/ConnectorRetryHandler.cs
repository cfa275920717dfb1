using Polly;

namespace OrganBot.Bot.Protocol;

/// <summary>
/// Runs every connector call through one Polly pipeline built at start-up (retry, then timeout: see
/// <see cref="ProtocolExtensions"/>). It replaces <c>AddResilienceHandler</c>, whose per-call context, request
/// bookkeeping and telemetry cost about a tenth of a Q&amp;A turn in the turns benchmark, for the same two strategies.
/// The same request is sent again on a retry: its content is an in-memory buffer, so it can be.
/// </summary>
internal sealed class ConnectorRetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendInnerAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).AsTask();

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

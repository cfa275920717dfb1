using System.Net;
using Microsoft.AspNetCore.Http;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Protocol;

/// <summary>
/// A turn's reply goes through the connector client's retry: what Teams says may be repeated (503, 429 after its
/// Retry-After) is sent again until it is delivered; what may already have been delivered is never repeated.
/// </summary>
public sealed class ConnectorRetryTests : BotTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_ConnectorUnavailableThenThrottled_DeliveredOnTheThirdAttempt()
    {
        var attempt = 0;
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<long>();
        Connector.Responder = call =>
        {
            if (!call.IsSend) return null;
            arrivals.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            return Interlocked.Increment(ref attempt) switch
            {
                1 => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                2 => new RetryAfter(TimeSpan.FromSeconds(1)),
                _ => null,
            };
        };

        var response = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        var sends = await Connector.WaitForSendsAsync(3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, sends.Count);
        Assert.All(sends, s => Assert.Equal(sends[0].Body!.ToJsonString(), s.Body!.ToJsonString())); // the same reply each time
        // The throttled attempt waited for Retry-After before the last one.
        var times = arrivals.ToArray();
        var waited = System.Diagnostics.Stopwatch.GetElapsedTime(times[1], times[2]);
        Assert.True(waited >= TimeSpan.FromSeconds(0.9), $"retried {waited} after a Retry-After of 1 s");
    }

    [Fact]
    public async Task Reply_ConnectorErrorThatMayHaveDelivered_NotRepeated()
    {
        Connector.Responder = call => call.IsSend ? Results.StatusCode(StatusCodes.Status500InternalServerError) : null;

        await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助"), Ct);
        var reply = (await Connector.WaitForSendsAsync(1))[0].Body!.ToJsonString();
        // A later turn's reply arrives, so a repeat of the first would have arrived by now too.
        Connector.Responder = null;
        var later = await Bot.PostActivityAsync(Activities.Message(Connector.ServiceUrl, "帮助", conversationId: "a:later"), Ct);
        await Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.Path.Contains("a:later", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Single(Connector.Sends, s => s.Body!.ToJsonString() == reply); // the apology that followed is another message
    }

    /// <summary>429 with a Retry-After header, as Teams throttles.</summary>
    private sealed class RetryAfter(TimeSpan delay) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = ((int)delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}

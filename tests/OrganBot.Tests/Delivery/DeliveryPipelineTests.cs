using System.Diagnostics;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Delivery;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Delivery;

[Trait("Category", "Postgres")]
public sealed class DeliveryPipelineTests
{
    private static DeliveryRequest ToMember(int i, string batch, DateTimeOffset? notAfter = null) => new(
        $"test:{batch}:{DeliveryHarness.MemberId(i)}",
        new DeliveryTarget.User(DeliveryHarness.MemberId(i)),
        OutgoingMessage.FromText($"通知 {i}"),
        batch,
        "test",
        notAfter);

    [Fact]
    public async Task Enqueue_SameKeysTwiceAndConcurrently_StoresEachOnceAndSendsEachOnce()
    {
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(20);
        var requests = Enumerable.Range(0, 20).Select(i => ToMember(i, "dup")).ToList();

        var added = await Task.WhenAll(h.EnqueueAsync(requests), h.EnqueueAsync(requests), h.EnqueueAsync(requests[..10]));
        await h.Completions.WaitForAsync("dup", 20);
        var again = await h.EnqueueAsync(requests);

        Assert.Equal(20, added.Sum());
        Assert.Equal(0, again);
        Assert.Equal(20, (await h.GetBatchAsync("dup")).Count);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(1, h.Simulator.Delivered[DeliveryHarness.ChatId(DeliveryHarness.MemberId(i))]));
        Assert.Equal(20, h.Connector.Sends.Count);
    }

    [Fact]
    public async Task Deliver_WithInjected429And5xxTimeoutsAnd403_EveryRecipientSentOrFailedNoneTwice()
    {
        await using var h = await DeliveryHarness.StartAsync(faultRate: 0.25);
        const int count = 60;
        await h.SeedMembersAsync(count, withChat: i => i % 2 == 0);
        int[] blocked = [3, 10, 17];
        foreach (var i in blocked)
        {
            var member = DeliveryHarness.MemberId(i);
            h.Simulator.Blocked[i % 2 == 0 ? DeliveryHarness.ChatId(member) : member] = true;
        }

        await h.EnqueueAsync([.. Enumerable.Range(0, count).Select(i => ToMember(i, "faults"))]);
        await h.Completions.WaitForAsync("faults", count, TimeSpan.FromSeconds(60));
        var batch = await h.GetBatchAsync("faults");

        Assert.True(h.Simulator.InjectedFaults > 0);
        Assert.Equal(0, h.Simulator.LimitViolations);
        Assert.Equal(count, batch.Count);
        foreach (var status in batch)
        {
            var member = ((DeliveryTarget.User)status.Target).UserId;
            var delivered = h.Simulator.Delivered.GetValueOrDefault(DeliveryHarness.ChatId(member));
            Assert.True(status.State is DeliveryState.Sent or DeliveryState.Failed, $"{member} ended {status.State}");
            Assert.Equal(status.State == DeliveryState.Sent ? 1 : 0, delivered);
        }

        Assert.All(blocked, i => Assert.Equal(DeliveryState.Failed, batch.Single(s => s.DedupKey.EndsWith(DeliveryHarness.MemberId(i), StringComparison.Ordinal)).State));
        Assert.True(batch.Count(s => s.State == DeliveryState.Sent) >= count - blocked.Length - 2);
    }

    [Fact]
    public async Task Deliver_BlockedMember_FailsPermanentlyAfterOneCall()
    {
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(2);
        h.Simulator.Blocked[DeliveryHarness.ChatId(DeliveryHarness.MemberId(1))] = true;

        await h.EnqueueAsync([ToMember(0, "blocked"), ToMember(1, "blocked")]);
        await h.Completions.WaitForAsync("blocked", 2);
        var batch = await h.GetBatchAsync("blocked");

        var failed = Assert.Single(batch, s => s.State == DeliveryState.Failed);
        Assert.Contains("403", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, failed.Attempts);
        Assert.Single(h.Connector.Sends, c => c.ConversationId == DeliveryHarness.ChatId(DeliveryHarness.MemberId(1)));
    }

    [Fact]
    public async Task Deliver_MemberWithoutChat_OpensOneThenSendsAndRemembersIt()
    {
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(2, withChat: i => i == 0);

        await h.EnqueueAsync([ToMember(1, "create")]);
        await h.Completions.WaitForAsync("create", 1);
        var status = Assert.Single(await h.GetBatchAsync("create"));

        var create = Assert.Single(h.Connector.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.Equal(DeliveryHarness.MemberId(1), create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.TenantId, create.Body["tenantId"]!.GetValue<string>());
        Assert.Equal(DeliveryState.Sent, status.State);
        Assert.Equal(DeliveryHarness.ChatId(DeliveryHarness.MemberId(1)), status.ConversationId);
        Assert.NotNull(status.ActivityId);
    }

    [Fact]
    public async Task Deliver_PastNotAfter_ExpiresWithoutCallingTheConnector()
    {
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(1);

        await h.EnqueueAsync([ToMember(0, "expired", notAfter: DateTimeOffset.UnixEpoch)]);
        await h.Completions.WaitForAsync("expired", 1);

        Assert.Equal(DeliveryState.Expired, Assert.Single(await h.GetBatchAsync("expired")).State);
        Assert.Empty(h.Connector.Calls);
    }

    [Fact]
    public async Task Deliver_ManyMessagesToOneConversation_StaysWithinTeamsPerConversationLimits()
    {
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(1);
        var chat = DeliveryHarness.ChatId(DeliveryHarness.MemberId(0));

        await h.EnqueueAsync([.. Enumerable.Range(0, 12).Select(i => new DeliveryRequest($"burst:{i}", new DeliveryTarget.Conversation(chat), OutgoingMessage.FromText($"第{i}条"), "burst", "test"))]);
        await h.Completions.WaitForAsync("burst", 12);

        Assert.Equal(0, h.Simulator.LimitViolations);
        Assert.Equal(12, h.Simulator.Delivered[chat]);
        var times = h.Simulator.SuccessTimes.Order().ToList();
        Assert.All(Enumerable.Range(7, 5), i => Assert.True(Stopwatch.GetElapsedTime(times[i - 7], times[i]) >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Deliver_429WithRetryAfter_PausesTheWholePipelineForRetryAfter()
    {
        await using var h = await DeliveryHarness.StartAsync(tenantRate: 5);
        await h.SeedMembersAsync(10);
        var throttled = 0;
        long throttledAt = 0;
        h.Connector.Responder = call =>
        {
            if (call.IsSend && Interlocked.Exchange(ref throttled, 1) == 0)
            {
                throttledAt = Stopwatch.GetTimestamp();
                return new RetryAfterResult();
            }

            return h.Simulator.Respond(call);
        };

        await h.EnqueueAsync([.. Enumerable.Range(0, 10).Select(i => ToMember(i, "paused"))]);
        await h.Completions.WaitForAsync("paused", 10);

        Assert.Equal(10, h.Simulator.Delivered.Count);
        // Apart from calls already granted before the 429 came back, nothing went out during the Retry-After second.
        var early = h.Simulator.CallTimes.Select(t => Stopwatch.GetElapsedTime(throttledAt, t)).Where(e => e < TimeSpan.FromSeconds(0.95)).ToList();
        Assert.True(early.Count <= 2, "Calls during the pause at " + string.Join(", ", early.Select(e => e.TotalMilliseconds)));
        Assert.All(await h.GetBatchAsync("paused"), s => Assert.Equal(DeliveryState.Sent, s.State));
    }

    [Fact]
    public async Task Deliver_UpdateOperation_PutsTheNewCardIntoTheSameMessage()
    {
        await using var h = await DeliveryHarness.StartAsync();
        await h.SeedMembersAsync(1);
        var chat = DeliveryHarness.ChatId(DeliveryHarness.MemberId(0));

        await h.EnqueueAsync([new DeliveryRequest("upd:1", new DeliveryTarget.Conversation(chat), OutgoingMessage.FromText("已更正"), "upd", "test", Operation: DeliveryOperation.Update, ActivityId: "msg-7")]);
        await h.Completions.WaitForAsync("upd", 1);

        var put = Assert.Single(h.Connector.Calls);
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/v3/conversations/{chat}/activities/msg-7", Uri.UnescapeDataString(put.Path));
        Assert.Equal("已更正", put.Text);
        Assert.Equal(DeliveryState.Sent, Assert.Single(await h.GetBatchAsync("upd")).State);
    }

    private sealed class RetryAfterResult : Microsoft.AspNetCore.Http.IResult
    {
        public Task ExecuteAsync(Microsoft.AspNetCore.Http.HttpContext httpContext)
        {
            httpContext.Response.StatusCode = 429;
            httpContext.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Dialogs.Conversation;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Protocol;

/// <summary>Proactive sends to stored conversation references, over real HTTP to the fake connector.</summary>
public sealed class ProactiveMessagingTests : BotTestBase
{
    [Fact]
    public async Task SendToConversation_StoredPersonalChat_PostsToItsActivities()
    {
        await SeeAsync(Activities.Message(Connector.ServiceUrl, "帮助"));

        var activityId = await WithMessengerAsync(m => m.SendToConversationAsync(Activities.ConversationId, OutgoingMessage.FromText("提醒：明天15:00主题党日"), TestContext.Current.CancellationToken));

        var send = Assert.Single(Connector.Sends);
        Assert.Equal($"/v3/conversations/{Activities.ConversationId}/activities", send.Path);
        Assert.Equal("提醒：明天15:00主题党日", send.Text);
        Assert.Equal(Activities.BotId, send.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Null(send.Body!["replyToId"]);
        Assert.False(string.IsNullOrEmpty(activityId));
    }

    [Fact]
    public async Task SendToConversation_ChannelThread_StartsNewPostInTheChannel()
    {
        var channelMessage = Activities.Message(Connector.ServiceUrl, "帮助", conversationId: "19:ops@thread.tacv2;messageid=1700000000000");
        channelMessage["conversation"]!["conversationType"] = "channel";
        channelMessage["conversation"]!["isGroup"] = true;
        channelMessage["channelData"]!["team"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
        channelMessage["channelData"]!["channel"] = new JsonObject { ["id"] = "19:ops@thread.tacv2" };
        await SeeAsync(channelMessage);

        await WithMessengerAsync(m => m.SendToConversationAsync("19:ops@thread.tacv2;messageid=1700000000000", OutgoingMessage.FromText("新反馈"), TestContext.Current.CancellationToken));

        var send = Assert.Single(Connector.Sends);
        Assert.Equal("/v3/conversations/19:ops@thread.tacv2/activities", send.Path);
    }

    [Fact]
    public async Task SendToUser_MemberWithoutPersonalChat_CreatesConversationWithTenantThenSends()
    {
        // The member is known only from a channel, so the bot has no 1:1 chat with them yet.
        var channelMessage = Activities.Message(Connector.ServiceUrl, "帮助", userId: "29:member-2", aad: "aaaaaaaa-0000-0000-0000-000000000002", conversationId: "19:general@thread.tacv2;messageid=1");
        channelMessage["conversation"]!["conversationType"] = "channel";
        await SeeAsync(channelMessage);

        var sent = await WithMessengerAsync(m => m.SendToUserAsync("29:member-2", OutgoingMessage.FromText("您好"), TestContext.Current.CancellationToken));

        var create = Assert.Single(Connector.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.False(create.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(Activities.BotId, create.Body!["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:member-2", create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.TenantId, create.Body!["tenantId"]!.GetValue<string>());
        Assert.Equal(Activities.TenantId, create.Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var send = Assert.Single(Connector.Sends);
        Assert.Equal($"/v3/conversations/{sent.ConversationId}/activities", send.Path);

        // The new chat is remembered: a second message does not create another conversation.
        await WithMessengerAsync(m => m.SendToUserAsync("29:member-2", OutgoingMessage.FromText("再次问候"), TestContext.Current.CancellationToken));
        Assert.Single(Connector.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
    }

    [Fact]
    public async Task UpdateAndDelete_SentActivity_UsePutAndDelete()
    {
        await SeeAsync(Activities.Message(Connector.ServiceUrl, "帮助"));

        await WithMessengerAsync(async m =>
        {
            await m.UpdateAsync(Activities.ConversationId, "msg-42", OutgoingMessage.FromText("已更正"), TestContext.Current.CancellationToken);
            await m.DeleteAsync(Activities.ConversationId, "msg-42", TestContext.Current.CancellationToken);
            return 0;
        });

        Assert.Contains(Connector.Calls, c => c.Method == "PUT" && c.Path == $"/v3/conversations/{Activities.ConversationId}/activities/msg-42" && c.Text == "已更正");
        Assert.Contains(Connector.Calls, c => c.Method == "DELETE" && c.Path == $"/v3/conversations/{Activities.ConversationId}/activities/msg-42");
    }

    [Fact]
    public async Task SendToConversation_BotRemoved_SurfacesPermanentFailure()
    {
        await SeeAsync(Activities.Message(Connector.ServiceUrl, "帮助"));
        Connector.Responder = call => call.IsSend ? Microsoft.AspNetCore.Http.Results.StatusCode(403) : null;

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => WithMessengerAsync(m => m.SendToConversationAsync(Activities.ConversationId, OutgoingMessage.FromText("x"), TestContext.Current.CancellationToken)));

        Assert.True(failure.IsPermanent);
        Assert.Equal(403, failure.StatusCode);
    }

    /// <summary>Lets the bot see an activity (so it stores the conversation), then forgets the welcome reply.</summary>
    private async Task SeeAsync(JsonObject activity)
    {
        var response = await Bot.PostActivityAsync(activity, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Connector.WaitForSendsAsync(1);
        Connector.Clear();
    }

    private async Task<T> WithMessengerAsync<T>(Func<IProactiveMessenger, Task<T>> action)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IProactiveMessenger>());
    }
}

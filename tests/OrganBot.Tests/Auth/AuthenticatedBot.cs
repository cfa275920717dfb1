using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Storage;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

/// <summary>Starts the real bot with an app id, trusting <see cref="FakeIdentityServer"/> for keys and outbound tokens.</summary>
public static class AuthenticatedBot
{
    /// <param name="databaseName">Start on the database of an earlier instance (a second instance, or a restart).</param>
    /// <param name="services">More service changes, after the MSAL client's.</param>
    public static BotApplication Create(FakeIdentityServer identity, Dictionary<string, string?>? extra = null, string? databaseName = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = identity.ChannelMetadataUrl,
            ["ToChannelFromBotLoginUrl"] = identity.LoginUrl,
            ["ToBotFromEntraOpenIdMetadataUrl"] = identity.EntraMetadataTemplate,
        };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        var thumbprint = identity.Certificate.Thumbprint;
        return new BotApplication(settings, collection =>
        {
            collection.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                // Only the fake identity server's self-signed certificate, nothing else.
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint,
            });
            services?.Invoke(collection);
        }, databaseName: databaseName);
    }

    /// <summary>Posts an activity with the given Authorization header (null: none).</summary>
    public static async Task<HttpResponseMessage> PostAsync(this BotApplication bot, JsonObject activity, string? authorization, CancellationToken cancellationToken)
    {
        using var client = bot.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = System.Net.Http.Json.JsonContent.Create(activity) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request, cancellationToken);
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(this BotApplication bot, JsonObject activity, string token, CancellationToken cancellationToken) =>
        bot.PostAsync(activity, new AuthenticationHeaderValue("Bearer", token).ToString(), cancellationToken);

    public static async Task<bool> HasConversationAsync(this BotApplication bot, string conversationId)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await db.Conversations.AnyAsync(c => c.Id == conversationId);
    }
}

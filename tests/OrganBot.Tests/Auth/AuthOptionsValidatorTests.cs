using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Auth;

public sealed class AuthOptionsValidatorTests
{
    private const string AppId = TestTokens.AppId;
    private const string Tenant = "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a";

    [Fact]
    public void Validate_DevMode_Succeeds() => Assert.True(Validate(new BotAuthOptions()).Succeeded);

    [Fact]
    public void Validate_MultiTenantWithPassword_Succeeds() =>
        Assert.True(Validate(new BotAuthOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" }).Succeeded);

    [Theory]
    [InlineData("SingleTenant", "secret", Tenant)]
    [InlineData("singletenant", "secret", "contoso.onmicrosoft.com")]
    [InlineData("UserAssignedMSI", "", Tenant)]
    [InlineData("MultiTenant", "secret", "")]
    public void Validate_CompleteConfiguration_Succeeds(string type, string password, string tenant) =>
        Assert.True(Validate(new BotAuthOptions { MicrosoftAppType = type, MicrosoftAppId = AppId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant }).Succeeded);

    [Theory]
    [InlineData("SingleTenant", "secret", "", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "", Tenant, "MicrosoftAppPassword")]
    [InlineData("MultiTenant", "", "", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "secret", Tenant, "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "", "", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "secret", "contoso/../evil", "MicrosoftAppTenantId")]
    [InlineData("Federated", "secret", Tenant, "MicrosoftAppType")]
    [InlineData("1", "secret", Tenant, "MicrosoftAppType")]
    public void Validate_IncompleteConfiguration_FailsNamingTheKey(string type, string password, string tenant, string key)
    {
        var result = Validate(new BotAuthOptions { MicrosoftAppType = type, MicrosoftAppId = AppId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownAppTypeInDevMode_Fails() =>
        Assert.Contains("MicrosoftAppType", Validate(new BotAuthOptions { MicrosoftAppType = "Multitenantt" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_AppIdNotAGuid_Fails() =>
        Assert.Contains("MicrosoftAppId", Validate(new BotAuthOptions { MicrosoftAppId = "my-bot", MicrosoftAppPassword = "secret" }).FailureMessage, StringComparison.Ordinal);

    [Theory]
    [InlineData(nameof(BotAuthOptions.ToBotFromChannelOpenIdMetadataUrl), "login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData(nameof(BotAuthOptions.ToBotFromChannelOpenIdMetadataUrl), "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData(nameof(BotAuthOptions.ToChannelFromBotLoginUrl), "not a url")]
    [InlineData(nameof(BotAuthOptions.ToBotFromChannelTokenIssuer), "api.botframework.com")]
    [InlineData(nameof(BotAuthOptions.ToChannelFromBotOAuthScope), "")]
    public void Validate_BadUrl_FailsNamingTheKey(string key, string value)
    {
        var options = new BotAuthOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" };
        typeof(BotAuthOptions).GetProperty(key)!.SetValue(options, value);

        var result = Validate(options);

        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntraTemplateWithoutTenantPlaceholder_Fails()
    {
        var options = new BotAuthOptions
        {
            MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppTenantId = Tenant,
            ToBotFromEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
        };

        Assert.Contains("ToBotFromEntraOpenIdMetadataUrl", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoopbackHttpMetadata_Succeeds()
    {
        var options = new BotAuthOptions
        {
            MicrosoftAppId = AppId, MicrosoftAppPassword = "secret",
            ToBotFromChannelOpenIdMetadataUrl = "http://127.0.0.1:5001/v1/.well-known/openidconfiguration",
        };

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("MultiTenant", "http://127.0.0.1:5001/botframework.com")]
    [InlineData("SingleTenant", "http://localhost:5001/botframework.com")]
    [InlineData("MultiTenant", "http://login.microsoftonline.com/botframework.com")]
    public void Validate_PlainHttpLoginUrl_FailsNamingTheKey(string type, string loginUrl)
    {
        // MSAL refuses any non-https authority with an ArgumentException, loopback included.
        var options = new BotAuthOptions
        {
            MicrosoftAppType = type, MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppTenantId = Tenant,
            ToChannelFromBotLoginUrl = loginUrl,
        };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(nameof(BotAuthOptions.ToChannelFromBotLoginUrl), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpsLoopbackLoginUrl_Succeeds()
    {
        var options = new BotAuthOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", ToChannelFromBotLoginUrl = "https://127.0.0.1:5001/botframework.com" };

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("smba.trafficmanager.net/emea/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    public void Validate_BadTrustedServiceUrl_FailsNamingTheKey(string url)
    {
        var options = new BotAuthOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", TrustedServiceUrls = [url] };

        Assert.Contains(nameof(BotAuthOptions.TrustedServiceUrls), Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotStart_PlainHttpLoopbackLoginUrl_FailsWithMessageNamingKey()
    {
        await using var bot = new BotApplication(new()
        {
            ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret", ["ToChannelFromBotLoginUrl"] = "http://127.0.0.1:5001/botframework.com",
        });

        var error = Assert.IsType<OptionsValidationException>(bot.StartExpectingFailure());

        Assert.Contains("ToChannelFromBotLoginUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotStart_SingleTenantWithoutTenant_FailsWithMessageNamingKey()
    {
        await using var bot = new BotApplication(new()
        {
            ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret",
        });

        var error = Assert.IsType<OptionsValidationException>(bot.StartExpectingFailure());

        Assert.Contains("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(BotAuthOptions options) => new AuthOptionsValidator().Validate(null, options);
}

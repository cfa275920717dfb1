using OrganBot.Bot.Auth;

namespace OrganBot.Tests.Auth;

public sealed class TrustedServiceUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://SMBA.trafficmanager.net/AMER")]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/")]
    [InlineData("http://127.0.0.1:5000/", "HTTP://127.0.0.1:5000")]
    public void SameServiceUrl_CaseAndTrailingSlash_Equal(string a, string b) => Assert.True(TrustedServiceUrls.SameServiceUrl(a, b));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://smba.trafficmanager.net/", "http://smba.trafficmanager.net/")]
    [InlineData("https://smba.trafficmanager.net/", "https://smba.trafficmanager.net:8443/")]
    [InlineData("https://smba.trafficmanager.net/", null)]
    [InlineData("https://smba.trafficmanager.net/", "not a url")]
    public void SameServiceUrl_DifferentEndpoint_NotEqual(string a, string? b) => Assert.False(TrustedServiceUrls.SameServiceUrl(a, b));
}

using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using OrganBot.Tests.Delivery;

namespace OrganBot.Tests.Hosting;

/// <summary>
/// The bot, as its own process, listens where ASP.NET Core's documented settings say (ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS, --urls, Urls), on http://localhost:3978 when none is set, and in dev mode still refuses
/// callers that are not on this machine.
/// </summary>
public sealed class ListenAddressTests
{
    private static readonly Dictionary<string, string?> s_settings = new()
    {
        ["MicrosoftAppId"] = "",
        ["Storage:Provider"] = "Sqlite",
        ["Logging:Console:FormatterName"] = "simple",
        ["Delivery:WorkerEnabled"] = "false",
    };

    public static TheoryData<string> Sources => ["ASPNETCORE_URLS", "--urls", "Urls"];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Bot_AddressSetting_ListensThere(string source)
    {
        await using var bot = await StartAsync((info, address) =>
        {
            var url = address.ToString().TrimEnd('/');
            if (source == "--urls")
            {
                info.ArgumentList.Add("--urls");
                info.ArgumentList.Add(url);
            }
            else
            {
                info.Environment[source] = url;
            }
        });

        Assert.Contains($"at {bot.BaseAddress.ToString().TrimEnd('/')}/api/messages", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(":3978", bot.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_HttpPorts_ListensOnEveryInterfaceAndDevModeStillRefusesOtherMachines()
    {
        var port = BotProcess.FreePort();

        await using var bot = await StartAsync((info, _) => info.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), new Uri($"http://127.0.0.1:{port}"));

        Assert.Contains($":{port}/api/messages", bot.Output, StringComparison.Ordinal);
        Assert.Contains("which is not loopback", bot.Output, StringComparison.Ordinal);
        if (NonLoopbackAddress() is { } external)
        {
            // Reachable from another interface now, yet dev mode (no MicrosoftAppId) answers only this machine's loopback.
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var health = await client.GetAsync(new Uri($"http://{external}:{port}/healthz"), TestContext.Current.CancellationToken);
            using var message = await client.PostAsync(
                new Uri($"http://{external}:{port}/api/messages"),
                new StringContent("""{"type":"message","id":"1","text":"你好","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""", System.Text.Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, message.StatusCode);
        }
    }

    [Fact]
    public async Task Bot_NoAddressSetting_ListensOnLocalhost3978()
    {
        var defaultAddress = new Uri("http://localhost:3978");
        try
        {
            await using var bot = await StartAsync((_, _) => { }, defaultAddress);

            Assert.Contains("at http://localhost:3978/api/messages", bot.Output, StringComparison.Ordinal);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            // Another bot on this machine holds 3978: the failed bind still shows that is where this one tried to listen.
            Assert.Contains("localhost:3978", ex.Message, StringComparison.Ordinal);
        }
    }

    private static Task<BotProcess> StartAsync(Action<ProcessStartInfo, Uri> listen, Uri? baseAddress = null)
    {
        var settings = new Dictionary<string, string?>(s_settings)
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "organbot-tests", $"listen-{Guid.NewGuid():N}.db")}",
        };
        return BotProcess.StartAsync(settings, BotProcess.SlowStartTimeout, listen, baseAddress);
    }

    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}

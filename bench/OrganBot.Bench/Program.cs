using OrganBot.Bench;

// dotnet run -c Release --project bench/OrganBot.Bench -- turns [--seconds 10] [--text 帮助] [--conversations 64] [--postgres <connection string>]
// dotnet run -c Release --project bench/OrganBot.Bench -- coldstart [--runs 3]
return args switch
{
    ["echo-server", .. var rest] => await EchoServer.RunAsync(rest),
    ["turns", .. var rest] => await TurnsBenchmark.RunAsync(new Options(rest)),
    ["coldstart", .. var rest] => await ColdStartBenchmark.RunAsync(new Options(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OrganBot.Bench turns [--seconds 10] [--text 帮助] [--conversations 64] [--warmup 2] [--postgres <connection string>]");
    Console.Error.WriteLine("       OrganBot.Bench coldstart [--runs 3]");
    return 2;
}

using OrganBot.Bench;

// dotnet run -c Release --project bench/OrganBot.Bench -- turns [--seconds 10] [--text 帮助] [--conversations 64] [--wrk true] [--bot-env K=V,...] [--postgres <connection string>]
// dotnet run -c Release --project bench/OrganBot.Bench -- coldstart [--runs 3]
// dotnet run -c Release --project bench/OrganBot.Bench -- delivery --recipients 10000 --faults 0.05 --storage sqlite|postgres [--rate 200] [--inject-429] [--progress 3]
// dotnet run -c Release --project bench/OrganBot.Bench -- fuzz [--count 100000] [--seed 1] [--seconds 1800] [--concurrency 8] [--url http://127.0.0.1:3978]
// dotnet run -c Release --project bench/OrganBot.Bench -- reminders [--events 1000 --members 500 --recipients 5 --window 60 --rate 200 --storage sqlite|postgres]
return args switch
{
    ["echo-server", .. var rest] => await EchoServer.RunAsync(rest),
    ["turns", .. var rest] => await TurnsBenchmark.RunAsync(new Options(rest)),
    ["coldstart", .. var rest] => await ColdStartBenchmark.RunAsync(new Options(rest)),
    ["delivery", ..] => await DeliveryBenchmark.RunAsync(args),
    ["reminders", .. var rest] => await RemindersBenchmark.RunAsync(new Options(rest)),
    ["fuzz", .. var rest] => await FuzzCommand.RunAsync(new Options(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OrganBot.Bench turns [--seconds 10] [--text 帮助] [--conversations 64] [--warmup 30] [--bot-only true] [--wrk true] [--bot-env K=V,...] [--postgres <connection string>]");
    Console.Error.WriteLine("       OrganBot.Bench coldstart [--runs 3]");
    Console.Error.WriteLine("       OrganBot.Bench delivery --recipients 10000 --faults 0.05 --storage sqlite|postgres [--rate 200] [--inject-429] [--progress 3]");
    Console.Error.WriteLine("       OrganBot.Bench fuzz [--count 100000] [--seed 1] [--seconds 1800] [--concurrency 8] [--url <loopback bot>]");
    Console.Error.WriteLine("       OrganBot.Bench reminders [--events 1000] [--members 500] [--recipients 5] [--window 60] [--rate 200] [--storage sqlite|postgres]");
    return 2;
}

using System.Globalization;

namespace OrganBot.Bench;

internal sealed record BenchOptions(string Command, int Recipients, double Faults, string Storage, double Rate, bool Inject429, double ProgressSeconds, double? ReadShare = null)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            args.FirstOrDefault() ?? "",
            int.Parse(Value("--recipients") ?? "10000", CultureInfo.InvariantCulture),
            double.Parse(Value("--faults") ?? "0.05", CultureInfo.InvariantCulture),
            Value("--storage") ?? "sqlite",
            double.Parse(Value("--rate") ?? "200", CultureInfo.InvariantCulture),
            args.Contains("--inject-429"),
            double.Parse(Value("--progress") ?? "3", CultureInfo.InvariantCulture),
            Value("--read") is { } read ? double.Parse(read, CultureInfo.InvariantCulture) : null);
    }
}

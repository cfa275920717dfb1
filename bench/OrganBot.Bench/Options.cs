using System.Globalization;

namespace OrganBot.Bench;

/// <summary><c>--name value</c> options with defaults.</summary>
internal sealed class Options(IReadOnlyList<string> args)
{
    public string Get(string name, string fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--" + name) return args[i + 1];
        }

        return fallback;
    }

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}

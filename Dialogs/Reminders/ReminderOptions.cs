using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrganBot.Dialogs.Reminders;

public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Non-working dates (yyyy-MM-dd); occurrences of events that ask for it move to the next working day.</summary>
    public List<string> Holidays { get; set; } = [];

    public IReadOnlySet<DateOnly> HolidayDates() =>
        Holidays.Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .Where(d => d is not null).Select(d => d!.Value).ToHashSet();
}

public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var bad = options.Holidays.Where(h => !DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)).ToList();
        if (bad.Count > 0) return ValidateOptionsResult.Fail($"Reminders:Holidays must be yyyy-MM-dd dates; invalid: {string.Join(", ", bad)}.");
        return ValidateOptionsResult.Success;
    }
}

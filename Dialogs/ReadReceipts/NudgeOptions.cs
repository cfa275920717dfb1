using System.ComponentModel.DataAnnotations;

namespace OrganBot.Dialogs.ReadReceipts;

/// <summary>The nudge key of <c>Reminders:*</c> (read alongside <see cref="Reminders.ReminderOptions"/>).</summary>
public sealed class NudgeOptions
{
    public const string SectionName = "Reminders";

    /// <summary>
    /// Members who have neither answered 参加/请假 nor read the reminder get one nudge this long before the event starts.
    /// Empty (the default) sends no nudges.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "Reminders:NudgeBefore must be between 1 second and 30 days.")]
    public TimeSpan? NudgeBefore { get; set; }
}
